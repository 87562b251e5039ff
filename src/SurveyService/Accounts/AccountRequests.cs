using System.Net.Mail;
using SurveyService.Problems;

namespace SurveyService.Accounts;

/// <summary>Self-registration of a non-member. There is deliberately no category field: it is always Stakeholder.</summary>
public sealed record RegistrationRequest(
    string? Email, string? Password, string? DisplayName, string? Organization = null, string? StakeholderGroup = null, string? Country = null) : IValidatable
{
    void IValidatable.Validate(ValidationErrors errors)
    {
        AccountRules.Email(errors, Email);
        AccountRules.Password(errors, Password);
        AccountRules.Text(errors, "displayName", DisplayName, 200, required: true);
        AccountRules.Text(errors, "organization", Organization, 300, required: false);
        AccountRules.Text(errors, "stakeholderGroup", StakeholderGroup, 100, required: false);
        AccountRules.Country(errors, "country", Country);
    }
}

public sealed record CreateEntityRequest(string? Name, RespondentCategory? Category, string? CountryCode = null) : IValidatable
{
    void IValidatable.Validate(ValidationErrors errors)
    {
        AccountRules.Text(errors, "name", Name, 300, required: true);
        errors.When(Category is null, "category", "Give the entity's category: " + string.Join(", ", Enum.GetNames<RespondentCategory>()) + ".");
        AccountRules.Country(errors, "countryCode", CountryCode);
    }
}

public sealed record CreateFocalPointRequest(string? Email, string? DisplayName, string? Password) : IValidatable
{
    void IValidatable.Validate(ValidationErrors errors)
    {
        AccountRules.Email(errors, Email);
        AccountRules.Password(errors, Password);
        AccountRules.Text(errors, "displayName", DisplayName, 200, required: true);
    }
}

public sealed record CreateStaffRequest(string? Email, string? DisplayName, string? Password, StaffRole? Role) : IValidatable
{
    void IValidatable.Validate(ValidationErrors errors)
    {
        AccountRules.Email(errors, Email);
        AccountRules.Password(errors, Password);
        AccountRules.Text(errors, "displayName", DisplayName, 200, required: true);
        errors.When(Role is null, "role", "Give the staff role: Secretariat or Analyst.");
    }
}

public sealed record EntityResponse(Guid Id, string Name, RespondentCategory Category, string? CountryCode, string? StakeholderGroup);

public sealed record AccountResponse(string Id, string Email, string DisplayName, RespondentCategory? Category, Guid? EntityId, string? EntityName, StaffRole? Role,
    bool Disabled = false);

internal static class AccountRules
{
    public static void Email(ValidationErrors errors, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
            errors.Add("email", "Give an email address.");
        else if (!IsEmail(email))
            errors.Add("email", $"'{email}' is not a valid email address.");
    }

    /// <summary>The one rule for an address, whichever door it comes through (a request, an imported file).</summary>
    public static bool IsEmail(string email) =>
        email.Length <= 256 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.Host.Contains('.');

    /// <summary>Only presence here; strength is Identity's password policy, reported by the handler.</summary>
    public static void Password(ValidationErrors errors, string? password) =>
        errors.When(string.IsNullOrEmpty(password), "password", "Give a password.");

    public static void Text(ValidationErrors errors, string field, string? value, int maxLength, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
            errors.Add(field, $"Give {field}.");
        else if (value?.Length > maxLength)
            errors.Add(field, $"{field} is longer than {maxLength} characters.");
    }

    public static void Country(ValidationErrors errors, string field, string? code) =>
        errors.When(code is not null && !IsCountryCode(code), field,
            "Give the country as a two-letter ISO 3166-1 code, e.g. \"CH\".");

    /// <summary>Two ASCII letters, in either case (stored upper case). Whether the code is assigned is not checked.</summary>
    public static bool IsCountryCode(string code) => code.Length == 2 && code.All(char.IsAsciiLetter);
}

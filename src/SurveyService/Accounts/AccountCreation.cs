using Microsoft.AspNetCore.Identity;
using SurveyService.Data.Accounts;
using SurveyService.Data.Entities;
using SurveyService.Problems;

namespace SurveyService.Accounts;

/// <summary>What creating an account did: the account, or why there is none.</summary>
internal abstract record AccountOutcome
{
    public sealed record Created(SurveyUser User, Entity? Entity) : AccountOutcome;

    public sealed record EmailTaken(string Email) : AccountOutcome;

    /// <summary>Identity's password policy or its rules for addresses refused it, by field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : AccountOutcome;

    public sealed record EntityNotFound(Guid EntityId) : AccountOutcome;
}

/// <summary>Creates Identity users, turning Identity's refusals into the domain's.</summary>
internal sealed class AccountCreation(UserManager<SurveyUser> users)
{
    /// <summary>
    /// Without a password (an imported focal point) the account exists but cannot sign in: there is
    /// no hash for any password to match until one is set.
    /// </summary>
    public async Task<AccountOutcome> CreateAsync(string email, string displayName, string? password, Entity? entity, StaffRole? role)
    {
        var user = new SurveyUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName.Trim(),
            EntityId = entity?.Id,
            StaffRole = role,
        };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (result.Succeeded)
            return new AccountOutcome.Created(user, entity);
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            return new AccountOutcome.EmailTaken(email);

        var errors = new ValidationErrors();
        foreach (var error in result.Errors)
            errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "account", error.Description);
        return new AccountOutcome.Invalid(errors.ToDictionary());
    }
}

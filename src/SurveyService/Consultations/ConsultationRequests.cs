using SurveyService.Problems;

namespace SurveyService.Consultations;

// Fields with a default are optional in the API's document; the others are required (and checked).
public sealed record CreateConsultationRequest(
    string? Title,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    string? Description = null,
    RespondentCategory[]? EligibleCategories = null,
    Dictionary<RespondentCategory, decimal>? Weights = null) : IValidatable
{
    void IValidatable.Validate(ValidationErrors errors)
    {
        ConsultationRules.Title(errors, Title, required: true);
        ConsultationRules.Description(errors, Description);
        errors.When(OpensAt is null, "opensAt", "Give opensAt, an instant with its offset, e.g. 2026-12-01T09:00:00Z.");
        errors.When(ClosesAt is null, "closesAt", "Give closesAt, an instant with its offset, e.g. 2027-01-15T17:00:00Z.");
        ConsultationRules.Schedule(errors, OpensAt, ClosesAt);
        ConsultationRules.Eligible(errors, EligibleCategories);
        ConsultationRules.Weights(errors, Weights);
    }
}

/// <summary>
/// Only the fields present change; which may change depends on the status (see the handler). The
/// reason is kept in the audit trail; moving a published consultation's deadline requires one.
/// </summary>
public sealed record UpdateConsultationRequest(
    string? Title = null,
    string? Description = null,
    DateTimeOffset? OpensAt = null,
    DateTimeOffset? ClosesAt = null,
    RespondentCategory[]? EligibleCategories = null,
    Dictionary<RespondentCategory, decimal>? Weights = null,
    string? Reason = null) : IValidatable
{
    /// <summary>The longest reason kept in the audit trail.</summary>
    public const int LongestReason = 2_000;

    void IValidatable.Validate(ValidationErrors errors)
    {
        errors.When(Reason?.Length > LongestReason, "reason", $"The reason is longer than {LongestReason:N0} characters.");
        if (Title is not null)
            ConsultationRules.Title(errors, Title, required: true);
        ConsultationRules.Description(errors, Description);
        ConsultationRules.Schedule(errors, OpensAt, ClosesAt);
        ConsultationRules.Eligible(errors, EligibleCategories);
        ConsultationRules.Weights(errors, Weights);
    }
}

internal static class ConsultationRules
{
    public static void Title(ValidationErrors errors, string? title, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(title))
            errors.Add("title", "Give a title.");
        else if (title?.Length > 300)
            errors.Add("title", "The title is longer than 300 characters.");
    }

    public static void Description(ValidationErrors errors, string? description) =>
        errors.When(description?.Length > 20_000, "description", "The description is longer than 20,000 characters.");

    public static void Schedule(ValidationErrors errors, DateTimeOffset? opensAt, DateTimeOffset? closesAt) =>
        errors.When(opensAt is not null && closesAt is not null && closesAt <= opensAt, "closesAt",
            $"closesAt ({closesAt:u}) must be after opensAt ({opensAt:u}).");

    public static void Eligible(ValidationErrors errors, RespondentCategory[]? categories) =>
        errors.When(categories is { Length: 0 }, "eligibleCategories",
            "Name at least one eligible category, or leave the field out to admit every category.");

    public static void Weights(ValidationErrors errors, Dictionary<RespondentCategory, decimal>? weights)
    {
        // Four decimal places are what every provider stores: more would be rounded away on some (0.00001 to 0).
        foreach (var (category, weight) in weights ?? [])
            errors.When(weight is <= 0 or > CategoryWeights.MaxWeight || decimal.Round(weight, 4) != weight, $"weights.{category}",
                $"The weight of {category} must be above 0 and at most {CategoryWeights.MaxWeight}, with at most four decimal places; it is {weight}.");
    }
}

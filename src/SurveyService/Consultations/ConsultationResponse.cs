using SurveyService.Data.Consultations;

namespace SurveyService.Consultations;

public sealed record ConsultationResponse(
    Guid Id,
    string Title,
    string Description,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    ConsultationStatus Status,
    RespondentCategory[] EligibleCategories,
    Dictionary<RespondentCategory, decimal> Weights,
    int QuestionCount,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ClosedAt)
{
    public static ConsultationResponse From(Consultation consultation, int questionCount, DateTime now) => new(
        consultation.Id,
        consultation.Title,
        consultation.Description,
        consultation.OpensAt.AsUtc(),
        consultation.ClosesAt.AsUtc(),
        consultation.StatusAt(now),
        [.. consultation.EligibleCategories.Order()],
        Weighting.WeightsOf(consultation),
        questionCount,
        consultation.PublishedAt is { } published ? published.AsUtc() : null,
        consultation.ClosedAt is { } closed ? closed.AsUtc() : null);

}

internal static class Weighting
{
    /// <summary>A category without an explicit weight counts 1.</summary>
    public const decimal DefaultWeight = 1m;

    public static Dictionary<RespondentCategory, decimal> WeightsOf(Consultation consultation) =>
        Enum.GetValues<RespondentCategory>().ToDictionary(
            category => category,
            category => consultation.Weights.FirstOrDefault(w => w.Category == category)?.Weight ?? DefaultWeight);

    public static void Apply(Consultation consultation, Dictionary<RespondentCategory, decimal> weights)
    {
        foreach (var (category, weight) in weights)
        {
            if (consultation.Weights.FirstOrDefault(w => w.Category == category) is { } existing)
                existing.Weight = weight;
            else
                consultation.Weights.Add(new CategoryWeight { Category = category, Weight = weight });
        }
    }
}

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
    DateTimeOffset? ClosedAt,
    DateTimeOffset? DeadlineExtendedFrom = null)
{
    /// <summary>ExtendedFrom: the deadline as published, when it has since been extended (<see cref="DeadlineExtensions"/>).</summary>
    public static ConsultationResponse From(Consultation consultation, int questionCount, DateTime now, DateTime? extendedFrom = null) => new(
        consultation.Id,
        consultation.Title,
        consultation.Description,
        consultation.OpensAt.AsUtc(),
        consultation.ClosesAt.AsUtc(),
        ConsultationSchedule.From(consultation).StatusAt(now),
        [.. consultation.EligibleCategories.Order()],
        CategoryWeights.Of(consultation),
        questionCount,
        consultation.PublishedAt is { } published ? published.AsUtc() : null,
        consultation.ClosedAt is { } closed ? closed.AsUtc() : null,
        extendedFrom is { } from ? from.AsUtc() : null);
}

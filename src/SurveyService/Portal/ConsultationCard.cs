using SurveyService.Consultations;

namespace SurveyService.Portal;

/// <summary>One consultation in a list, with the reader's entity's progress on it when they are a respondent.</summary>
internal sealed record ConsultationCard(ListedConsultation Item, IReadOnlyDictionary<Guid, EntityProgress>? Progress, DateTime Now)
{
    /// <summary>Near the deadline a countdown is shown; further away the date says enough.</summary>
    public static readonly TimeSpan CountdownFrom = TimeSpan.FromDays(7);

    public ConsultationStatus Status => ConsultationSchedule.From(Item.Consultation).StatusAt(Now);

    public EntityProgress? EntityProgress => Progress?.GetValueOrDefault(Item.Consultation.Id);

    public TimeSpan? TimeLeft => Status == ConsultationStatus.Open && Item.Consultation.ClosesAt - Now is var left && left < CountdownFrom ? left : null;
}

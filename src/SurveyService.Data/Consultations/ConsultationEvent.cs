namespace SurveyService.Data.Consultations;

/// <summary>What the Secretariat did to a consultation, as its audit trail names it.</summary>
public enum ConsultationAction
{
    Created,
    Changed,
    QuestionAdded,
    QuestionChanged,
    QuestionRemoved,
    QuestionsReordered,
    Published,
    DeadlineExtended,
    Closed,
}

/// <summary>
/// The consultation's audit trail: who changed what and when, with the value before and after where
/// there is one (a deadline extended from … to …) and the reason given. Never changed afterwards.
/// </summary>
public sealed class ConsultationEvent
{
    public long Id { get; init; }
    public Guid ConsultationId { get; init; }
    public ConsultationAction Action { get; init; }
    public DateTime At { get; init; }

    /// <summary>The account that acted; null for the service itself (the close at the deadline).</summary>
    public string? UserId { get; init; }

    /// <summary>What was changed: a field's name, or a question's code.</summary>
    public string? Subject { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? Reason { get; init; }
}

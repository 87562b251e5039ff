namespace SurveyService.Data.Submissions;

/// <summary>
/// Every screening decision on a submitted answer, undoings included: the answer itself keeps only
/// the latest, this keeps who decided what and when.
/// </summary>
public sealed class ScreeningDecision
{
    public long Id { get; init; }
    public Guid ConsultationId { get; init; }
    public Guid SubmittedAnswerId { get; init; }
    public bool Related { get; init; }
    public string? Reason { get; init; }
    public required string UserId { get; init; }
    public DateTime At { get; init; }
}

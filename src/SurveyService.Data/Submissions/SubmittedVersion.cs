namespace SurveyService.Data.Submissions;

/// <summary>What an entity submitted, frozen: kept for every submit, never changed afterwards.</summary>
public sealed class SubmittedVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SubmissionId { get; init; }

    /// <summary>1 for the first submit, 2 for the first amendment, and so on.</summary>
    public int Number { get; init; }
    public DateTime SubmittedAt { get; init; }
    public required string SubmittedBy { get; init; }

    /// <summary>SHA-256 of the canonical form of what was submitted; the respondent's receipt names it.</summary>
    public required string Digest { get; init; }
    public List<SubmittedAnswer> Answers { get; init; } = [];
}

/// <summary>
/// An answer as submitted. Analysts screen these: a screened-out answer is kept, with why and by
/// whom, but left out of the analysis.
/// </summary>
public sealed class SubmittedAnswer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SubmittedVersionId { get; init; }
    public Guid QuestionId { get; init; }
    public string? Text { get; init; }
    public List<string>? Choices { get; init; }
    public int? Value { get; init; }

    public bool Related { get; set; } = true;
    public string? ScreeningReason { get; set; }
    public string? ScreenedBy { get; set; }
    public DateTime? ScreenedAt { get; set; }
}

public enum SubmissionAction
{
    Created,
    Saved,
    Submitted,
}

/// <summary>The audit trail: every change to a submission, who made it and which version it made.</summary>
public sealed class SubmissionEvent
{
    public long Id { get; init; }
    public Guid SubmissionId { get; init; }
    public SubmissionAction Action { get; init; }
    public int Version { get; init; }
    public DateTime At { get; init; }
    public required string UserId { get; init; }
    public int AnswerCount { get; init; }
    public Guid? SubmittedVersionId { get; init; }
}

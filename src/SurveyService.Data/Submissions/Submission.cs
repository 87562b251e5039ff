namespace SurveyService.Data.Submissions;

/// <summary>
/// An entity's answers to one consultation, shared by all its focal points: a working copy that
/// is saved as often as wanted, and every version that was submitted.
/// </summary>
public sealed class Submission
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConsultationId { get; init; }
    public Guid EntityId { get; init; }

    /// <summary>Grows by one at every save and submit; the ETag. Writes are conditional on it.</summary>
    public int Version { get; set; }

    /// <summary>True when the working copy is exactly what was last submitted.</summary>
    public bool IsSubmitted { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    /// <summary>The version that counts in the analysis: the latest one submitted.</summary>
    public Guid? LatestSubmittedVersionId { get; set; }
    public DateTime? SubmittedAt { get; set; }

    public List<Answer> Answers { get; init; } = [];
}

/// <summary>An answer in the working copy; replaced as a whole at every save.</summary>
public sealed class Answer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SubmissionId { get; init; }
    public Guid QuestionId { get; init; }
    public string? Text { get; init; }
    public List<string>? Choices { get; init; }
    public int? Value { get; init; }
}

namespace SurveyService.Data.Analyses;

/// <summary>A theme analysts name for a consultation's text answers, counted by category like an option.</summary>
public sealed class Theme
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConsultationId { get; init; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
}

/// <summary>A theme tagged on a submitted text answer; an answer may carry several.</summary>
public sealed class AnswerTheme
{
    public Guid SubmittedAnswerId { get; init; }
    public Guid ThemeId { get; init; }
    public required string TaggedBy { get; init; }
    public DateTime TaggedAt { get; init; }
}

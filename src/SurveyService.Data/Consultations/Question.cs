namespace SurveyService.Data.Consultations;

public sealed class Question
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConsultationId { get; init; }

    /// <summary>The questionnaire's own numbering, e.g. "3a"; unique within a consultation.</summary>
    public required string Code { get; set; }
    public required string Text { get; set; }
    public QuestionTier Tier { get; set; }
    public QuestionType Type { get; set; }

    /// <summary>Choice answers name options by their text, in this order.</summary>
    public List<string> Options { get; set; } = [];
    public bool Required { get; set; }
    public int? MaxLength { get; set; }
    public int? ScaleMin { get; set; }
    public int? ScaleMax { get; set; }
    public int Order { get; set; }
}

using SurveyService.Data.Consultations;

namespace SurveyService.Analysis;

/// <summary>The analysis as JSON (API.md, "The summary"); shares from 0 to 1 as DESIGN.md defines them.</summary>
public sealed record AnalysisSummary(
    Guid ConsultationId,
    DateTimeOffset GeneratedAt,
    Dictionary<RespondentCategory, decimal> Weights,
    int Submissions,
    int ScreenedOut,
    QuestionSummary[] Questions);

public sealed record QuestionSummary(
    Guid QuestionId, string Code, QuestionTier Tier, QuestionType Type, string Text, RespondentCount Respondents, OptionSummary[] Options);

public sealed record RespondentCount(int Total, Dictionary<RespondentCategory, int> ByCategory);

public sealed record OptionSummary(string Option, int Count, Dictionary<RespondentCategory, int> ByCategory, double Share, double WeightedShare);

using SurveyService.Data.Consultations;

namespace SurveyService.Analysis;

/// <summary>The analysis as JSON (API.md, "The summary"); shares from 0 to 1 as DESIGN.md defines them. Unplaced: answers left out of the figures as they cannot be placed.</summary>
public sealed record AnalysisSummary(
    Guid ConsultationId,
    DateTimeOffset GeneratedAt,
    Dictionary<RespondentCategory, decimal> Weights,
    int Submissions,
    int ScreenedOut,
    QuestionSummary[] Questions,
    int Unplaced);

/// <summary>
/// One question's figures. Unplaced: its answers left out of them, by reason; empty when every answer
/// is placed. Themes: for a text question, each theme analysts put on its answers, counted as an
/// option is (null in a summary compiled before themes existed).
/// </summary>
public sealed record QuestionSummary(
    Guid QuestionId, string Code, QuestionTier Tier, QuestionType Type, string Text, RespondentCount Respondents, OptionSummary[] Options,
    UnplacedCount[] Unplaced, OptionSummary[]? Themes = null);

/// <summary>Answers to a question left out of its figures for one reason (a choice not among the options, a value outside the scale…).</summary>
public sealed record UnplacedCount(UnplacedReason Reason, int Count);

public sealed record RespondentCount(int Total, Dictionary<RespondentCategory, int> ByCategory);

public sealed record OptionSummary(string Option, int Count, Dictionary<RespondentCategory, int> ByCategory, double Share, double WeightedShare);

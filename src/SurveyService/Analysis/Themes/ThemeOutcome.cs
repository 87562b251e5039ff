using SurveyService.Data.Analyses;

namespace SurveyService.Analysis.Themes;

/// <summary>What naming, removing or tagging a theme did.</summary>
internal abstract record ThemeOutcome
{
    public sealed record Named(Theme Theme) : ThemeOutcome;

    public sealed record Done : ThemeOutcome;

    public sealed record NameTaken(string Name) : ThemeOutcome;

    public sealed record ThemeNotFound(Guid ThemeId) : ThemeOutcome;

    public sealed record AnswerNotFound(Guid AnswerId) : ThemeOutcome;

    /// <summary>Only text answers carry themes: a choice or a scale already says what it says.</summary>
    public sealed record NotATextAnswer(Guid AnswerId) : ThemeOutcome;
}

using SurveyService.Questionnaires;
using System.Text;

namespace SurveyService.LoadTest;

internal sealed record QuestionSpec(string Code, QuestionTier Tier, QuestionType Type, string[] Options, bool Required, int? MaxLength);

/// <summary>One answer, shaped as the API takes it: text, choices or value, by the question's type.</summary>
internal sealed record AnswerValue(string Code, string? Text, string[]? Choices, int? Value);

/// <summary>
/// The benchmark's questionnaire, the same for the HTTP path and the in-process ceiling: every
/// type and every tier, with required questions so that submit checks something.
/// </summary>
internal static class Questionnaire
{
    public static readonly QuestionSpec[] Questions =
    [
        new("1a", QuestionTier.MemberStates, QuestionType.Text, [], Required: true, MaxLength: 2_000),
        new("1b", QuestionTier.MemberStates, QuestionType.Scale, [], Required: false, MaxLength: null),
        new("2a", QuestionTier.Membership, QuestionType.SingleChoice, ["Yes", "No", "Partly"], Required: true, MaxLength: null),
        new("2b", QuestionTier.Membership, QuestionType.MultipleChoice, ["Spectrum", "Standards", "Capacity", "Finance"], Required: false, MaxLength: null),
        new("3a", QuestionTier.Open, QuestionType.Text, [], Required: true, MaxLength: 2_000),
        new("3b", QuestionTier.Open, QuestionType.Scale, [], Required: true, MaxLength: null),
        new("3c", QuestionTier.Open, QuestionType.MultipleChoice, ["A", "B", "C", "D"], Required: false, MaxLength: null),
    ];

    /// <summary>Categories in turn, so every fifth respondent is of each.</summary>
    public static RespondentCategory CategoryOf(int respondent) =>
        (RespondentCategory)(respondent % Enum.GetValues<RespondentCategory>().Length);

    /// <summary>
    /// Answers to every question the category's tiers admit (the tier rule, repeated here so the
    /// generator never sends a 403-bound answer), with texts of a few hundred characters.
    /// </summary>
    public static AnswerValue[] AnswersFor(RespondentCategory category, int respondent) =>
        [.. Questions.Where(q => q.Tier.Admits(category)).Select(q => q.Type switch
        {
            QuestionType.Text => new AnswerValue(q.Code, LongText(respondent, q.Code), null, null),
            QuestionType.SingleChoice => new AnswerValue(q.Code, null, [q.Options[respondent % q.Options.Length]], null),
            QuestionType.MultipleChoice => new AnswerValue(q.Code, null, [q.Options[0], q.Options[1 + respondent % (q.Options.Length - 1)]], null),
            _ => new AnswerValue(q.Code, null, null, 1 + respondent % 5),
        })];

    /// <summary>About 400 characters, different for every respondent, like a real paragraph of comment.</summary>
    private static string LongText(int respondent, string code)
    {
        var text = new StringBuilder($"Respondent {respondent}, question {code}: ");
        string[] words = ["the", "allocation", "of", "spectrum", "should", "remain", "technology", "neutral", "and", "reviewed",
            "every", "cycle", "with", "regional", "input", "from", "administrations", "operators", "academia", "civil", "society"];
        for (var i = 0; text.Length < 400; i++)
            text.Append(words[(respondent * 7 + i * 3) % words.Length]).Append(i % 11 == 10 ? ". " : " ");
        return text.ToString().TrimEnd();
    }
}

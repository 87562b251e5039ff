using SurveyService.Data.Consultations;
using SurveyService.Data.Submissions;
using SurveyService.Problems;
using SurveyService.Questionnaires;

namespace SurveyService.Submissions;

/// <summary>Checks each answer against its question: tier, shape, options, bounds and length.</summary>
internal static class AnswerRules
{
    /// <summary>The first question outside the respondent's tiers, if any: answering it is forbidden, not malformed.</summary>
    public static Question? FirstOutsideTiers(IEnumerable<AnswerInput?> answers, IReadOnlyDictionary<Guid, Question> questions, RespondentCategory category) =>
        answers.Select(a => a?.QuestionId is { } id && questions.TryGetValue(id, out var q) ? q : null)
            .FirstOrDefault(q => q is not null && !q.Tier.Admits(category));

    /// <summary>Each answer names its question, once.</summary>
    public static void CheckShape(IReadOnlyList<AnswerInput?> answers, ValidationErrors errors)
    {
        var seen = new HashSet<Guid>();
        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i]?.QuestionId is not { } questionId)
                errors.Add($"answers[{i}].questionId", "Give the questionId of each answer.");
            else if (!seen.Add(questionId))
                errors.Add($"answers[{i}].questionId", $"Question {questionId} is answered more than once.");
        }
    }

    /// <summary>Characters as a person counts them (an emoji or an accented letter is one), as maxLength means.</summary>
    public static int TextLength(string text) => new System.Globalization.StringInfo(text).LengthInTextElements;

    /// <summary>An answer that gives nothing (no text, no choices, no value): in a change, it clears its question.</summary>
    public static bool IsClear(AnswerInput answer) =>
        string.IsNullOrEmpty(answer.Text) && (answer.Choices is null || answer.Choices.Length == 0) && answer.Value is null;

    /// <summary>
    /// The whole set after a change: saved answers the change does not name stay, named ones are
    /// replaced, and named ones that give nothing are removed. In the order of the saved set, then the change.
    /// </summary>
    public static IReadOnlyList<AnswerInput> ApplyChanges(IEnumerable<Answer> saved, IReadOnlyList<AnswerInput> changes)
    {
        var named = changes.Select(c => c.QuestionId!.Value).ToHashSet();
        var kept = saved.Where(a => !named.Contains(a.QuestionId))
            .Select(a => new AnswerInput(a.QuestionId, a.Text, a.Choices?.ToArray(), a.Value));
        return [.. kept, .. changes.Where(c => !IsClear(c))];
    }

    /// <summary>
    /// Every answer against its question: shape, options, bounds and length. Empty when all fit.
    /// With clearing allowed (a change), an answer that gives nothing is checked only for its question.
    /// </summary>
    public static ValidationErrors Validate(IReadOnlyList<AnswerInput?> answers, IReadOnlyDictionary<Guid, Question> questions, bool clearing = false)
    {
        var errors = new ValidationErrors();
        CheckShape(answers, errors);
        if (!errors.IsEmpty)
            return errors;
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i]!;
            var at = $"answers[{i}]";
            if (!questions.TryGetValue(answer.QuestionId!.Value, out var question))
            {
                errors.Add($"{at}.questionId", $"This consultation has no question {answer.QuestionId}.");
                continue;
            }
            if (clearing && IsClear(answer))
                continue;
            switch (question.Type)
            {
                case QuestionType.Text:
                    Only(errors, at, question, text: true, choices: false, value: false, answer);
                    if (answer.Text is null)
                        errors.Add($"{at}.text", $"Question {question.Code} is answered with text.");
                    else if (TextLength(answer.Text) > question.MaxLength)
                        errors.Add($"{at}.text", $"The answer to {question.Code} has {TextLength(answer.Text)} characters; at most {question.MaxLength} are accepted.");
                    break;
                case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                    Only(errors, at, question, text: false, choices: true, value: false, answer);
                    Choices(errors, at, question, answer.Choices);
                    break;
                case QuestionType.Scale:
                    Only(errors, at, question, text: false, choices: false, value: true, answer);
                    if (answer.Value is null)
                        errors.Add($"{at}.value", $"Question {question.Code} is answered with a whole number from {question.ScaleMin} to {question.ScaleMax}.");
                    else if (answer.Value < question.ScaleMin || answer.Value > question.ScaleMax)
                        errors.Add($"{at}.value", $"{answer.Value} is outside the scale of {question.Code}, from {question.ScaleMin} to {question.ScaleMax}.");
                    break;
            }
        }
        return errors;
    }

    private static void Choices(ValidationErrors errors, string at, Question question, string?[]? choices)
    {
        if (choices is null || choices.Length == 0)
        {
            errors.Add($"{at}.choices", $"Question {question.Code} is answered with {(question.Type == QuestionType.SingleChoice ? "one" : "one or more")} of: {string.Join(", ", question.Options)}.");
            return;
        }
        if (question.Type == QuestionType.SingleChoice && choices.Length > 1)
            errors.Add($"{at}.choices", $"Question {question.Code} takes a single choice; {choices.Length} were given.");
        if (choices.Distinct(StringComparer.Ordinal).Count() != choices.Length)
            errors.Add($"{at}.choices", "The same option is chosen more than once.");
        foreach (var choice in choices.Where(c => c is null || !question.Options.Contains(c, StringComparer.Ordinal)))
            errors.Add($"{at}.choices", $"'{choice}' is not an option of {question.Code}; the options are: {string.Join(", ", question.Options)}.");
    }

    private static void Only(ValidationErrors errors, string at, Question question, bool text, bool choices, bool value, AnswerInput answer)
    {
        if (!text && answer.Text is not null)
            errors.Add($"{at}.text", $"Question {question.Code} is a {question.Type} question; it takes no text.");
        if (!choices && answer.Choices is not null)
            errors.Add($"{at}.choices", $"Question {question.Code} is a {question.Type} question; it takes no choices.");
        if (!value && answer.Value is not null)
            errors.Add($"{at}.value", $"Question {question.Code} is a {question.Type} question; it takes no value.");
    }

    public static Answer ToAnswer(AnswerInput input, Guid submissionId) => new()
    {
        SubmissionId = submissionId,
        QuestionId = input.QuestionId!.Value,
        Text = input.Text,
        Choices = input.Choices?.Select(choice => choice!).ToList(),
        Value = input.Value,
    };
}

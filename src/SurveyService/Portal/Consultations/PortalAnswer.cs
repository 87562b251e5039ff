using SurveyService.Data.Consultations;
using SurveyService.Submissions;

namespace SurveyService.Portal.Consultations;

/// <summary>What a field shows: the saved answer, or what the person just typed when a save was refused.</summary>
internal sealed record PortalAnswer(string? Text, IReadOnlySet<string> Choices, int? Value)
{
    public static readonly PortalAnswer Empty = new(null, new HashSet<string>(), null);

    public static string FieldName(Question question) => $"answer-{question.Id:N}";

    public static PortalAnswer FromSaved(Data.Submissions.Answer answer) =>
        new(answer.Text, (answer.Choices ?? []).ToHashSet(), answer.Value);

    /// <summary>Reads a question's field from a posted form; a value that is not a number is kept as typed text so nothing is lost.</summary>
    public static PortalAnswer FromForm(IFormCollection form, Question question)
    {
        var posted = form[FieldName(question)];
        return question.Type switch
        {
            QuestionType.Text => new(posted.ToString(), new HashSet<string>(), null),
            QuestionType.Scale => int.TryParse(posted.ToString(), out var value) ? new(null, new HashSet<string>(), value) : Empty,
            _ => new(null, posted.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToHashSet(), null),
        };
    }

    /// <summary>Whether two answers say the same: an empty text is no answer, and choices are a set.</summary>
    public bool SameAs(PortalAnswer other) =>
        string.IsNullOrEmpty(Text) == string.IsNullOrEmpty(other.Text) && (string.IsNullOrEmpty(Text) || Text == other.Text)
        && Choices.SetEquals(other.Choices) && Value == other.Value;

    public bool IsEmpty => string.IsNullOrEmpty(Text) && Choices.Count == 0 && Value is null;

    /// <summary>The answer as the use cases take it; an empty one clears its question when only changes are sent.</summary>
    public AnswerInput ToInput(Question question) =>
        new(question.Id, string.IsNullOrEmpty(Text) ? null : Text, Choices.Count == 0 ? null : [.. Choices], Value);

    public string? Shown => AnswerText.Of(Text, Choices, Value);
}

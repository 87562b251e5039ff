using SurveyService.Data.Consultations;

namespace SurveyService.Portal.Consultations;

/// <summary>
/// One question as a field: its answer (saved or just typed), its error, whether it can be changed
/// now, and, after a conflicting save, what the other focal point saved (Theirs) to choose from.
/// </summary>
internal sealed record QuestionField(Question Question, PortalAnswer Answer, string? Error, bool ReadOnly, PortalAnswer? Theirs = null)
{
    public string Id => AnswerModel.FieldId(Question);

    public string Name => PortalAnswer.FieldName(Question);

    public string KeepField => AnswerModel.KeepField(Question);

    public IEnumerable<string> Options => Question.Type == QuestionType.Scale
        ? Enumerable.Range(Question.ScaleMin ?? 1, Math.Max(0, (Question.ScaleMax ?? 5) - (Question.ScaleMin ?? 1) + 1)).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))
        : Question.Options;

    public bool IsChosen(string option) => Question.Type == QuestionType.Scale
        ? Answer.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) == option
        : Answer.Choices.Contains(option);

    public string? DescribedBy(params string?[] ids) => ids.Where(id => id is not null).ToArray() is { Length: > 0 } some ? string.Join(' ', some) : null;
}

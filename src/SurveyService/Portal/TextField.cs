namespace SurveyService.Portal;

/// <summary>A labelled single-line field with its hint and its error, linked for screen readers.</summary>
internal sealed record TextField(string Id, string Name, string Label, string? Value, string Type, string AutoComplete, bool Required,
    IReadOnlyDictionary<string, string> Errors, string? Hint = null)
{
    public string? Error => Errors.GetValueOrDefault(Id);

    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : $"{Id}-hint", Error is null ? null : $"{Id}-error" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}

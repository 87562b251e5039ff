using System.Globalization;

namespace SurveyService.Portal.Consultations;

/// <summary>An answer as read back on the review and receipt pages: the text, the choices, or the value.</summary>
internal static class AnswerText
{
    public static string? Of(string? text, IEnumerable<string>? choices, int? value) =>
        !string.IsNullOrEmpty(text) ? text
        : choices?.ToList() is { Count: > 0 } chosen ? string.Join("; ", chosen)
        : value?.ToString(CultureInfo.CurrentCulture);
}

using System.Reflection;
using System.Text.Json;

namespace SurveyService.Problems;

/// <summary>
/// Names, titles, codes, options and reasons are text a person typed: a control character in one
/// (a NUL, an escape) is a mistake or an attack, and PostgreSQL cannot even store a NUL. Refused
/// with 400 on every provider. Multi-line fields keep tabs and line breaks; answers are not checked
/// here (they keep a reversible escape); passwords are hashed, never shown.
/// </summary>
internal static class ControlCharacters
{
    private static readonly HashSet<string> MultiLine = ["Description", "Text", "Reason"];
    private static readonly HashSet<string> Exempt = ["Password"];

    public static void Check(object request, ValidationErrors errors)
    {
        foreach (var property in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (Exempt.Contains(property.Name))
                continue;
            var field = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var multiLine = MultiLine.Contains(property.Name);
            switch (property.GetValue(request))
            {
                case string text when Refused(text, multiLine):
                    errors.Add(field, Message(multiLine));
                    break;
                case IEnumerable<string?> texts when texts.Any(text => text is not null && Refused(text, multiLine)):
                    errors.Add(field, Message(multiLine));
                    break;
            }
        }
    }

    public static bool Refused(string text, bool multiLine) =>
        text.Any(c => char.IsControl(c) && !(multiLine && c is '\t' or '\n' or '\r'));

    private static string Message(bool multiLine) => multiLine
        ? "The text contains a control character (other than tabs and line breaks); remove it."
        : "The text contains a control character (a line break, a tab, a NUL, …); remove it.";
}

using System.Collections.Concurrent;
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

    private sealed record TextField(PropertyInfo Property, string Field, bool MultiLine);

    // Found once per request type: saves come in thousands at a deadline.
    private static readonly ConcurrentDictionary<Type, TextField[]> Fields = new();

    public static void Check(object request, ValidationErrors errors)
    {
        var fields = Fields.GetOrAdd(request.GetType(), type => [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => !Exempt.Contains(p.Name) && (p.PropertyType == typeof(string) || typeof(IEnumerable<string?>).IsAssignableFrom(p.PropertyType)))
            .Select(p => new TextField(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name), MultiLine.Contains(p.Name)))]);
        foreach (var (property, field, multiLine) in fields)
        {
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

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace SurveyService.LoadTest;

/// <summary>
/// The portal's forms as a browser without script reads and posts them. Hidden inputs are found
/// with a regular expression rather than a parser: the pages are the service's own, and the
/// generator shares the two cores with the service, so its own work should stay small.
/// </summary>
internal static partial class PortalForms
{
    public const string Token = "__RequestVerificationToken";

    /// <summary>
    /// The value of the first hidden input named <paramref name="name"/> after <paramref name="marker"/>
    /// (the form's own markup, since the layout's sign-out form carries a token too): "" when the
    /// input has no value, as the questionnaire's version before a first save; null when there is none.
    /// </summary>
    public static string? Hidden(string html, string marker, string name)
    {
        var from = html.IndexOf(marker, StringComparison.Ordinal);
        if (from < 0)
            return null;
        for (var input = InputTag().Match(html, from); input.Success; input = input.NextMatch())
        {
            var tag = input.Value;
            if (!tag.Contains($"name=\"{name}\"", StringComparison.Ordinal) || !tag.Contains("type=\"hidden\"", StringComparison.Ordinal))
                continue;
            var value = ValueAttribute().Match(tag);
            return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : "";
        }
        return null;
    }

    /// <summary>
    /// A respondent's answers as the questionnaire's fields, encoded once in setup as the API's JSON
    /// is serialized once: a textarea's text, a radio's option or scale number, a checkbox's name
    /// repeated for each option chosen.
    /// </summary>
    public static string AnswerFieldsFor(BenchmarkConsultation consultation, RespondentCategory category, int index) =>
        Encode(Questionnaire.AnswersFor(category, index)
            .SelectMany(answer => ValuesOf(answer).Select(value => ($"answer-{consultation.QuestionIds[answer.Code]:N}", value))));

    /// <summary>As a browser encodes a form: application/x-www-form-urlencoded, spaces as +.</summary>
    public static string Encode(IEnumerable<(string Name, string Value)> fields) =>
        string.Join('&', fields.Select(f => WebUtility.UrlEncode(f.Name) + "=" + WebUtility.UrlEncode(f.Value)));

    public static ByteArrayContent Body(string encoded)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(encoded));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>What the page's error summary says, for the report when a form was refused.</summary>
    public static string? Alert(string html)
    {
        var at = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        if (at < 0)
            return null;
        var summary = html.Substring(at, Math.Min(800, html.Length - at));
        var end = summary.IndexOf("</div>", StringComparison.Ordinal);
        return WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(end < 0 ? summary : summary[..end], " "), " ")).Trim();
    }

    private static IEnumerable<string> ValuesOf(AnswerValue answer) =>
        answer.Text is { } text ? [text]
        : answer.Choices is { } choices ? choices
        : [answer.Value!.Value.ToString(CultureInfo.InvariantCulture)];

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("<[^>]*>|^[^<]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}

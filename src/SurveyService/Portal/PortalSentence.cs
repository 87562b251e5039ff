using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace SurveyService.Portal;

/// <summary>
/// A translated sentence with markup in its blanks: a time, a code, what a person wrote. The
/// translation is asked for with its placeholders kept (the blanks given as "{0}", "{1}"), encoded, and each
/// placeholder replaced by the markup given, so the sentence's word order stays the translator's.
/// </summary>
internal static class PortalSentence
{
    public static IHtmlContent Fill(LocalizedString template, params string[] blanks)
    {
        var html = WebUtility.HtmlEncode(template.Value);
        for (var i = 0; i < blanks.Length; i++)
            html = html.Replace($"{{{i}}}", blanks[i], StringComparison.Ordinal);
        return new HtmlString(html);
    }

    /// <summary>An instant as the culture writes it, marked UTC, in a time element (without the reader's own time: that is for facts, not sentences).</summary>
    public static string Time(DateTime utc) =>
        $"<time datetime=\"{PortalNames.Iso(utc)}\">{WebUtility.HtmlEncode(PortalNames.Utc(utc))}</time>";

    /// <summary>What a person wrote (a title, an entity's name): its own direction, never translated.</summary>
    public static string Content(string text) => $"<bdi dir=\"auto\" data-content>{WebUtility.HtmlEncode(text)}</bdi>";

    /// <summary>A question's code, as the pages show codes: left to right, never translated.</summary>
    public static string Code(string code) => $"<bdi class=\"code\" dir=\"ltr\" translate=\"no\">{WebUtility.HtmlEncode(code)}</bdi>";

    /// <summary>Interface words (already translated) between the blanks' markup.</summary>
    public static string Words(string text) => WebUtility.HtmlEncode(text);
}

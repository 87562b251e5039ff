using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace SurveyService.Analysis;

/// <summary>
/// The workbook's file name: "analysis-", the whole title as a slug, then the tier. It is sent both
/// ways RFC 6266 allows: filename* in UTF-8 with the title's own letters, and filename in ASCII for
/// clients that read only that one, with accents taken off ("geneve") rather than each accented
/// letter replaced by '_' ("gen_ve"), which is what TypedResults.File's own fallback would give.
/// </summary>
internal static class DownloadName
{
    // Most file systems take at most 255 bytes of UTF-8 in a name, and a title may have 300
    // characters: only then are whole words left off at the end, never part of one.
    private const int MaxBytes = 255;

    public static string ContentDisposition(string title, QuestionTier? scope) =>
        new ContentDispositionHeaderValue("attachment") { FileName = Name(Slug(Ascii(title)), scope), FileNameStar = Name(Slug(title), scope) }
            .ToString();

    public static string Name(string slug, QuestionTier? scope)
    {
        var suffix = (scope is null ? "" : "-" + scope) + ".xlsx";
        while (slug.Length > 0 && Encoding.UTF8.GetByteCount($"analysis-{slug}{suffix}") > MaxBytes)
            slug = slug.LastIndexOf('-') is > 0 and var word ? slug[..word] : slug[..^1];
        return slug.Length == 0 ? "analysis" + suffix : $"analysis-{slug}{suffix}";
    }

    /// <summary>Letters and digits of any script, lower case, every other run of characters one '-'.</summary>
    public static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        return slug.ToString().TrimEnd('-');
    }

    /// <summary>The title with accents taken off its letters and any other character beyond ASCII left out.</summary>
    private static string Ascii(string title)
    {
        var ascii = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAscii(c))
                ascii.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                ascii.Append(' ');
        }
        return ascii.ToString();
    }
}

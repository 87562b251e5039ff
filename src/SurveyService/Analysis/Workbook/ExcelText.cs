using System.Text;
using System.Text.RegularExpressions;

namespace SurveyService.Analysis.Workbook;

/// <summary>
/// Free text is data: it must reach the sheet as the same characters, never as a formula, never cut
/// silently. Excel cells hold at most 32,767 characters, XML cannot carry some characters at all,
/// and Excel reads "_xHHHH_" in a string as an escape.
/// </summary>
internal static partial class ExcelText
{
    public const int CellLimit = 32_767;
    public const char Replacement = '\uFFFD';

    /// <summary>Text that a spreadsheet would take for a formula or a command if typed.</summary>
    public static bool NeedsQuotePrefix(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '\0' or Replacement;

    /// <summary>Characters XML 1.0 cannot hold become U+FFFD (visible), and literal "_xHHHH_" is escaped so Excel shows it as typed.</summary>
    public static string Sanitize(string text) => Escape(Clean(text));

    /// <summary>
    /// Literal "_xHHHH_" escaped as "_x005F_xHHHH_", so that Excel shows it as typed. Done once, as a
    /// cell is written: escaping twice would show "_x005F_" where the person typed "_".
    /// </summary>
    public static string Escape(string text) =>
        text.Contains("_x", StringComparison.OrdinalIgnoreCase) ? ExcelEscape().Replace(text, "_x005F$0") : text;

    /// <summary>Characters XML 1.0 cannot hold become U+FFFD (visible); everything else stays.</summary>
    public static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var valid = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (!valid)
            {
                clean ??= new StringBuilder(text, 0, i, text.Length);
                clean.Append(Replacement);
                continue;
            }
            clean?.Append(c);
        }
        return clean?.ToString() ?? text;
    }

    /// <summary>
    /// Cleaned text cut into cell-sized parts (the limit counts the characters Excel shows), never
    /// between the two halves of a surrogate pair; each part is escaped when its cell is written.
    /// </summary>
    public static IReadOnlyList<string> Parts(string text)
    {
        var clean = Clean(text);
        if (clean.Length <= CellLimit)
            return [clean];
        var parts = new List<string>();
        for (var start = 0; start < clean.Length;)
        {
            var length = Math.Min(CellLimit, clean.Length - start);
            if (start + length < clean.Length && char.IsHighSurrogate(clean[start + length - 1]))
                length--;
            parts.Add(clean.Substring(start, length));
            start += length;
        }
        return parts;
    }

    [GeneratedRegex("_x[0-9A-Fa-f]{4}_")]
    private static partial Regex ExcelEscape();
}

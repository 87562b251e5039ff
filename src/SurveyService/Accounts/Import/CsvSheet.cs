using System.Text;

namespace SurveyService.Accounts.Import;

/// <summary>
/// CSV as RFC 4180 has it (quoted values with doubled quotes and line breaks inside, CRLF or LF) and
/// as Excel writes it: in UTF-8 with or without a byte order mark, or UTF-16 with one ("Unicode
/// text"); separated by commas, or by semicolons where the decimal separator is a comma, or by tabs,
/// told from the header line; or after Excel's "sep=;" line, which names the separator and is no row.
/// Lenient where Excel is: a quote inside an unquoted value is a quote, and text after a closing
/// quote is kept.
/// </summary>
internal static class CsvSheet
{
    private static readonly char[] Separators = [',', ';', '\t'];

    public static SheetRead Read(byte[] content, int rowLimit)
    {
        if (Decode(content) is not { } text)
            return new SheetRead.Unreadable(new ImportProblem.NotUtf8());
        var start = 0;
        var separator = SeparatorLine(text, ref start) ?? Separator(text);
        return Parse(text, start, separator, rowLimit);
    }

    /// <summary>Strict UTF-8 unless a byte order mark says UTF-16: bytes in a legacy code page must not become wrong letters.</summary>
    private static string? Decode(byte[] content)
    {
        try
        {
            if (content is [0xEF, 0xBB, 0xBF, ..])
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content, 3, content.Length - 3);
            if (content is [0xFF, 0xFE, ..])
                return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(content, 2, content.Length - 2);
            if (content is [0xFE, 0xFF, ..])
                return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(content, 2, content.Length - 2);
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static char? SeparatorLine(string text, ref int start)
    {
        if (text.Length < 5 || !text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) || text[4] is '\r' or '\n')
            return null;
        var end = 5;
        while (end < text.Length && text[end] is not ('\r' or '\n'))
            end++;
        if (end != 5)
            return null;
        start = end < text.Length - 1 && text[end] == '\r' && text[end + 1] == '\n' ? end + 2 : end + 1;
        return text[4];
    }

    /// <summary>The separator the first non-blank line uses most outside quotes; a comma when it uses none.</summary>
    private static char Separator(string text)
    {
        var counts = new int[Separators.Length];
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c is '\r' or '\n')
            {
                if (counts.Any(count => count > 0))
                    break;
            }
            else if (!quoted && Array.IndexOf(Separators, c) is var index and >= 0)
                counts[index]++;
        }
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
            if (counts[i] > counts[best])
                best = i;
        return Separators[best];
    }

    private static SheetRead Parse(string text, int start, char separator, int rowLimit)
    {
        var rows = new List<SheetRow>();
        var cells = new List<string>();
        var value = new StringBuilder();
        var (number, quoted, wasQuoted) = (1, false, false);
        (int Row, int Cell)? openQuote = null;

        void EndValue()
        {
            cells.Add(value.ToString());
            value.Clear();
            wasQuoted = false;
        }

        bool EndRow()
        {
            var row = new SheetRow(number++, [.. cells]);
            cells.Clear();
            if (!row.IsBlank)
                rows.Add(row);
            return rows.Count < rowLimit;
        }

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                    value.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                    value.Append(text[++i]);
                else
                    quoted = false;
            }
            else if (c == '"' && value.Length == 0 && !wasQuoted)
            {
                (quoted, wasQuoted, openQuote) = (true, true, (number, cells.Count));
            }
            else if (c == separator)
            {
                EndValue();
            }
            else if (c is '\r' or '\n')
            {
                EndValue();
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                if (!EndRow())
                    return new SheetRead.Read(rows);
            }
            else
            {
                value.Append(c);
            }
        }
        if (value.Length > 0 || cells.Count > 0 || wasQuoted)
        {
            EndValue();
            EndRow();
        }
        return new SheetRead.Read(rows, quoted ? openQuote : null);
    }
}

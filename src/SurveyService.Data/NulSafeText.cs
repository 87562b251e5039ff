using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SurveyService.Data;

/// <summary>
/// PostgreSQL text cannot hold U+0000, but answers are stored exactly as sent. On PostgreSQL only,
/// answer text is escaped reversibly: a backslash is doubled and NUL becomes backslash-zero.
/// </summary>
public sealed class NulSafeTextConverter() : ValueConverter<string?, string?>(
    value => value == null ? null : value.Replace("\\", "\\\\").Replace("\0", "\\0"),
    stored => stored == null ? null : Unescape(stored))
{
    private static string Unescape(string stored)
    {
        if (!stored.Contains('\\'))
            return stored;
        var text = new System.Text.StringBuilder(stored.Length);
        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i] == '\\' && i + 1 < stored.Length)
            {
                text.Append(stored[++i] == '0' ? '\0' : stored[i]);
                continue;
            }
            text.Append(stored[i]);
        }
        return text.ToString();
    }
}

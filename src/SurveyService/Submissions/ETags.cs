using Microsoft.Net.Http.Headers;

namespace SurveyService.Submissions;

internal static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>The versions named by If-Match (weak or strong), or null when the header is absent.</summary>
    public static IReadOnlyList<string>? IfMatch(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
            return null;
        return EntityTagHeaderValue.TryParseList(values, out var tags)
            ? [.. tags.Select(t => t.Tag.ToString())]
            : ["unparseable"];
    }

    public static bool Matches(IReadOnlyList<string> tags, int version) =>
        tags.Contains("*") || tags.Contains(For(version));
}

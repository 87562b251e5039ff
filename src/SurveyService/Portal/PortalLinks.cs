using Microsoft.AspNetCore.WebUtilities;

namespace SurveyService.Portal;

internal static class PortalLinks
{
    /// <summary>The page being read, in another language: the same path and query, the culture replaced.</summary>
    public static string InCulture(HttpRequest request, string culture)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(pair => !string.Equals(pair.Key, PortalSetup.CultureQueryKey, StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))
            .Append(new(PortalSetup.CultureQueryKey, culture));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}

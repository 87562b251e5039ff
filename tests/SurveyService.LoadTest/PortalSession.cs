using System.Diagnostics;
using System.Net;
using System.Text;

namespace SurveyService.LoadTest;

/// <summary>What the portal answered: the status, where a redirect points, and the page.</summary>
internal sealed record PortalPage(HttpStatusCode Status, string? Location, string Html, int Bytes);

/// <summary>
/// One respondent's browser as far as the portal can tell: its cookies (the antiforgery cookie, then
/// the sign-in cookie), sent with each request and updated from each answer. The shared client
/// neither keeps cookies nor follows redirects, so each hop of a journey is a request of its own,
/// timed and with its cookies kept, as a browser makes it.
/// </summary>
internal sealed class PortalSession(Uri baseUrl, string who)
{
    public const string SignInCookie = "survey.signin";

    private readonly CookieContainer cookies = new();

    public bool HasCookie(string name) => cookies.GetCookies(baseUrl)[name] is not null;

    /// <summary>
    /// One timed request, from send to the last byte of the page. It counts as an error unless the
    /// status is <paramref name="expected"/>, a redirect points to <paramref name="location"/> when
    /// given, and <paramref name="check"/> finds nothing wrong with the page; then null is returned.
    /// </summary>
    public async Task<PortalPage?> StepAsync(HttpClient http, Measurements measurements, string kind, HttpMethod method, string path,
        HttpContent? form, HttpStatusCode expected, string? location = null, Func<string, string?>? check = null)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var page = await SendAsync(http, method, path, form);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var problem = page.Status != expected ? PortalForms.Alert(page.Html) ?? ServiceClient.Truncate(page.Html)
                : location is not null && page.Location != location ? $"redirected to {page.Location} instead of {location}"
                : check?.Invoke(page.Html);
            var outcome = ((int)page.Status).ToString();
            measurements.Add(new Sample(kind, elapsed, problem is null || page.Status != expected ? outcome : outcome + " unexpected", problem is null, page.Bytes));
            if (problem is null)
                return page;
            measurements.ErrorDetail($"{kind} of {who}: {outcome} {problem}");
            return null;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            measurements.Add(new Sample(kind, clock.Elapsed.TotalMilliseconds, exception.GetType().Name, false));
            measurements.ErrorDetail($"{kind} of {who} after {clock.Elapsed.TotalMilliseconds:0} ms: {exception.GetType().Name}: {exception.Message} "
                + $"{exception.InnerException?.GetType().Name}: {exception.InnerException?.Message}");
            return null;
        }
    }

    private async Task<PortalPage> SendAsync(HttpClient http, HttpMethod method, string path, HttpContent? form)
    {
        var uri = new Uri(baseUrl, path);
        using var request = new HttpRequestMessage(method, uri) { Content = form };
        var header = cookies.GetCookieHeader(uri);
        if (header.Length > 0)
            request.Headers.Add("Cookie", header);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var cookie in set)
                cookies.SetCookies(uri, cookie);
        return new PortalPage(response.StatusCode, response.Headers.Location?.OriginalString, Encoding.UTF8.GetString(body), body.Length);
    }
}

using System.Diagnostics;
using System.Net.Http.Headers;

namespace SurveyService.LoadTest;

/// <summary>
/// Where the service's processor time goes, after the rush and untimed: the same cheap read asked
/// one at a time without and then with a respondent's bearer token. The difference is what
/// validating an access token costs on every API request.
/// </summary>
internal static class CostProbe
{
    private const int Requests = 300;

    public static async Task<string> RunAsync(HttpClient http, Process service, Guid consultationId, string accessToken)
    {
        var path = $"/api/consultations/{consultationId}";
        var anonymous = await ServiceMillisecondsPerRequestAsync(http, service, path, token: null);
        var bearer = await ServiceMillisecondsPerRequestAsync(http, service, path, accessToken);
        return FormattableString.Invariant(
            $"- service processor time per request, one at a time, GET {{consultation}}: {anonymous:0.00} ms anonymous, {bearer:0.00} ms with a respondent's bearer token; validating the token costs about {bearer - anonymous:0.00} ms per request");
    }

    private static async Task<double> ServiceMillisecondsPerRequestAsync(HttpClient http, Process service, string path, string? token)
    {
        for (var i = 0; i < 50; i++)
            await GetAsync(http, path, token); // warm-up, not counted
        service.Refresh();
        var before = service.TotalProcessorTime;
        for (var i = 0; i < Requests; i++)
            await GetAsync(http, path, token);
        service.Refresh();
        return (service.TotalProcessorTime - before).TotalMilliseconds / Requests;
    }

    private static async Task GetAsync(HttpClient http, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }
}

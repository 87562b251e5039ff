using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace SurveyService.LoadTest;

/// <summary>
/// The measured phase over HTTP: every respondent saves its answers (PUT, no If-Match on a first
/// save) and then submits with the ETag it got back, all released at the same instant. The floors
/// release the same respondents the same way, each making two authenticated requests that write
/// nothing: what two requests per respondent cost on this machine before any write is made.
/// </summary>
internal static class HttpRush
{
    public const string Save = "save";
    public const string Submit = "submit";
    public const string Read = "read";
    public const string Probe = "no database";

    /// <summary>What each respondent does when released.</summary>
    public enum Phase
    {
        /// <summary>Save, then submit: the deadline rush.</summary>
        Rush,

        /// <summary>Read the consultation twice (GET /api/consultations/{id}).</summary>
        Reads,

        /// <summary>
        /// Twice a path no route matches: Kestrel, the bearer token's validation and a 404
        /// problem, with no database work at all.
        /// </summary>
        NoDatabase,
    }

    public static async Task<Measurements> RunAsync(HttpClient http, Guid consultationId, IReadOnlyList<Respondent> respondents, int concurrency,
        double arrivalSeconds = 0, Phase phase = Phase.Rush)
    {
        var measurements = new Measurements { Respondents = respondents.Count, Concurrency = concurrency, ArrivalSeconds = arrivalSeconds };
        var path = $"/api/consultations/{consultationId}/submission";
        // A gate even when it admits everyone, so a bounded run and the full rush share one code path.
        using var gate = new SemaphoreSlim(concurrency);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var tasks = respondents.Select(async (respondent, index) =>
        {
            await start.Task;
            if (arrivalSeconds > 0)
                await Task.Delay(TimeSpan.FromSeconds(arrivalSeconds * index / respondents.Count));
            await gate.WaitAsync();
            try
            {
                var done = phase switch
                {
                    Phase.Reads => TwiceAsync(http, $"/api/consultations/{consultationId}", HttpStatusCode.OK, Read, respondent, measurements),
                    Phase.NoDatabase => TwiceAsync(http, "/api/floor-probe", HttpStatusCode.NotFound, Probe, respondent, measurements),
                    _ => SaveThenSubmitAsync(http, path, respondent, measurements),
                };
                await done;
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();

        using var self = Process.GetCurrentProcess();
        var processorBefore = self.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(tasks);
        measurements.Wall = wall.Elapsed;
        self.Refresh();
        measurements.OwnProcessorTime = self.TotalProcessorTime - processorBefore;
        return measurements;
    }

    private static async Task SaveThenSubmitAsync(HttpClient http, string path, Respondent respondent, Measurements measurements)
    {
        using var save = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(respondent.SaveBody) };
        save.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var (saved, etag) = await SendAsync(http, save, respondent, Save, measurements);
        if (!saved)
            return; // Nothing to submit; the final count shows it as lost.

        using var submit = new HttpRequestMessage(HttpMethod.Post, path + "/submit");
        if (etag is not null)
            submit.Headers.IfMatch.Add(etag);
        var (submitted, _) = await SendAsync(http, submit, respondent, Submit, measurements);
        if (submitted)
            measurements.RespondentDone();
    }

    private static async Task TwiceAsync(HttpClient http, string path, HttpStatusCode expected, string kind, Respondent respondent, Measurements measurements)
    {
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (!(await SendAsync(http, request, respondent, kind, measurements, expected)).Ok)
                return;
        }
        measurements.RespondentDone();
    }

    /// <summary>Times from send to the last byte of the body, which is what a browser waits for.</summary>
    private static async Task<(bool Ok, EntityTagHeaderValue? ETag)> SendAsync(HttpClient http, HttpRequestMessage request, Respondent respondent,
        string kind, Measurements measurements, HttpStatusCode? expected = null)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", respondent.AccessToken);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var ok = expected is { } status ? response.StatusCode == status : response.IsSuccessStatusCode;
            measurements.Add(new Sample(kind, elapsed, ((int)response.StatusCode).ToString(), ok));
            if (!ok)
                measurements.ErrorDetail($"{kind} of respondent {respondent.Index} ({respondent.Category}): {(int)response.StatusCode} {ServiceClient.Truncate(body)}");
            return (ok, response.Headers.ETag);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            measurements.Add(new Sample(kind, clock.Elapsed.TotalMilliseconds, exception.GetType().Name, false));
            // The inner exception says what the socket saw (refused, reset, timed out).
            measurements.ErrorDetail($"{kind} of respondent {respondent.Index} ({respondent.Category}) after {clock.Elapsed.TotalMilliseconds:0} ms: "
                + $"{exception.GetType().Name}: {exception.Message} {exception.InnerException?.GetType().Name}: {exception.InnerException?.Message}");
            return (false, null);
        }
    }
}

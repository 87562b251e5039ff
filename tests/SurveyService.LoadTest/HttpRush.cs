using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace SurveyService.LoadTest;

/// <summary>
/// The measured phase over HTTP: every respondent saves its answers (PUT, no If-Match on a first
/// save) and then submits with the ETag it got back, all released at the same instant. The floors
/// release the same respondents the same way, each making two authenticated requests that write
/// nothing: what two requests per respondent cost on this machine before any write is made. The
/// portal comparison releases its journeys, the API's and the portal's, through the same loop.
/// </summary>
internal static class HttpRush
{
    public const string Save = "save";
    public const string Submit = "submit";
    public const string Read = "read";
    public const string Probe = "no database";
    public const string QuestionnaireRead = "questionnaire";

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

        /// <summary>Read the questionnaire, then save and submit: the API side of the portal comparison.</summary>
        Journey,
    }

    public static Task<Measurements> RunAsync(HttpClient http, Guid consultationId, IReadOnlyList<Respondent> respondents, int concurrency,
        double arrivalSeconds = 0, Phase phase = Phase.Rush)
    {
        var path = $"/api/consultations/{consultationId}/submission";
        return ReleaseAsync(respondents, concurrency, arrivalSeconds, (respondent, measurements) => phase switch
        {
            Phase.Reads => TwiceAsync(http, $"/api/consultations/{consultationId}", HttpStatusCode.OK, Read, respondent, measurements),
            Phase.NoDatabase => TwiceAsync(http, "/api/floor-probe", HttpStatusCode.NotFound, Probe, respondent, measurements),
            Phase.Journey => JourneyAsync(http, consultationId, respondent, measurements),
            _ => SaveThenSubmitAsync(http, path, respondent, measurements),
        });
    }

    /// <summary>
    /// Releases every respondent at the same instant (or spread over <paramref name="arrivalSeconds"/>),
    /// at most <paramref name="concurrency"/> in flight, each through its journey, which says whether
    /// it completed. A journey is timed from when the respondent is let in.
    /// </summary>
    public static async Task<Measurements> ReleaseAsync<T>(IReadOnlyList<T> respondents, int concurrency, double arrivalSeconds,
        Func<T, Measurements, Task<bool>> journey)
    {
        var measurements = new Measurements { Respondents = respondents.Count, Concurrency = concurrency, ArrivalSeconds = arrivalSeconds };
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
                var clock = Stopwatch.StartNew();
                if (await journey(respondent, measurements))
                    measurements.RespondentDone(clock.Elapsed.TotalMilliseconds);
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

    /// <summary>The API side of the portal comparison: the questionnaire is read first, as the portal must open its page.</summary>
    public static async Task<bool> JourneyAsync(HttpClient http, Guid consultationId, Respondent respondent, Measurements measurements)
    {
        var path = $"/api/consultations/{consultationId}/submission";
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/consultations/{consultationId}/questionnaire");
        return (await SendAsync(http, read, respondent, QuestionnaireRead, measurements)).Ok
            && await SaveThenSubmitAsync(http, path, respondent, measurements);
    }

    private static async Task<bool> SaveThenSubmitAsync(HttpClient http, string path, Respondent respondent, Measurements measurements)
    {
        using var save = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(respondent.SaveBody) };
        save.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var (saved, etag) = await SendAsync(http, save, respondent, Save, measurements);
        if (!saved)
            return false; // Nothing to submit; the final count shows it as lost.

        using var submit = new HttpRequestMessage(HttpMethod.Post, path + "/submit");
        if (etag is not null)
            submit.Headers.IfMatch.Add(etag);
        return (await SendAsync(http, submit, respondent, Submit, measurements)).Ok;
    }

    private static async Task<bool> TwiceAsync(HttpClient http, string path, HttpStatusCode expected, string kind, Respondent respondent, Measurements measurements)
    {
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (!(await SendAsync(http, request, respondent, kind, measurements, expected)).Ok)
                return false;
        }
        return true;
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
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var ok = expected is { } status ? response.StatusCode == status : response.IsSuccessStatusCode;
            measurements.Add(new Sample(kind, elapsed, ((int)response.StatusCode).ToString(), ok, body.Length));
            if (!ok)
                measurements.ErrorDetail($"{kind} of respondent {respondent.Index} ({respondent.Category}): {(int)response.StatusCode} "
                    + ServiceClient.Truncate(System.Text.Encoding.UTF8.GetString(body)));
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

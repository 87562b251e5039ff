using System.Diagnostics;
using System.Net;

namespace SurveyService.LoadTest;

/// <summary>One measured phase: what the generator saw, the service's processor time over it, and the submissions kept.</summary>
internal sealed record PathRun(Measurements Run, TimeSpan? ServiceTime, int? Kept);

/// <summary>Both paths of one round, and which went first.</summary>
internal sealed record ComparisonRound(int Number, bool ApiFirst, PathRun Api, PathRun Portal);

/// <summary>
/// --portal: the same respondents, with the same answers to the same questions, go through the JSON
/// API and through the portal's HTML forms, each path on a consultation of its own. The paths
/// alternate within each round, and which goes first alternates between rounds, so both are measured
/// in the same minutes of this shared machine and neither always finds the other's leftovers
/// (warm caches, a pending collection). The rounds are measured twice: already signed in (sign-in
/// timed apart, through both doors alike), and as whole visits, each respondent arriving signed out
/// and signing in through its own door first, as a person opening the portal does.
/// </summary>
internal sealed class PortalComparison(LoadOptions options, Process? service)
{
    /// <summary>Respondents who go one at a time after the rounds: each step's time with nothing else in flight.</summary>
    private const int AloneRespondents = 50;

    private sealed record Pair(BenchmarkConsultation Api, BenchmarkConsultation Portal);

    public async Task<int> RunAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var concurrency = options.EffectiveConcurrency;
        using var http = NewHttpClient();
        var client = new ServiceClient(http);

        // Setup, not timed: a pair of consultations per round and for the one-at-a-time pass, and the focal points.
        var setup = Stopwatch.StartNew();
        Console.Error.WriteLine($"Run {tag}: portal and API, {options.Respondents} respondents, concurrency {concurrency}, "
            + $"{options.Rounds} rounds, against {options.BaseUrl}.");
        var secretariat = await client.SignInAsync(options.SecretariatEmail, options.SecretariatPassword);
        var pairs = new List<Pair>();
        for (var round = 0; round <= options.Rounds; round++)
            pairs.Add(await PairAsync(client, secretariat, $"{tag}-{round}"));
        var visitPairs = new List<Pair>();
        for (var round = 1; round <= options.Rounds; round++)
            visitPairs.Add(await PairAsync(client, secretariat, $"{tag}-visit-{round}"));
        var returnUrl = $"/consultations/{pairs[0].Portal.Id}";
        var focalPoints = await CreateAsync(client, secretariat, tag, options.Respondents, setup);

        Console.Error.WriteLine($"Sign-in through both doors, {options.SetupParallelism} at a time (measured apart).");
        var (tokenSignIn, portalSignIn, api, portal) = await SignInAsync(focalPoints, returnUrl);
        if (api.Length < focalPoints.Length || portal.Length < focalPoints.Length)
        {
            Console.WriteLine(PortalReport.SignIn(tokenSignIn, portalSignIn));
            Console.Error.WriteLine("Some respondents could not sign in; nothing else was measured.");
            return 1;
        }

        if (options.Warmup > 0)
        {
            // Both paths, so the JIT, EF's caches and the Razor pages are warm before either is measured.
            var warmupFocalPoints = await CreateAsync(client, secretariat, tag + "-w", options.Warmup, setup);
            var (_, _, warmupApi, warmupPortal) = await SignInAsync(warmupFocalPoints, returnUrl);
            for (var round = 0; round < options.WarmupRounds; round++)
            {
                var warmup = await PairAsync(client, secretariat, $"{tag}-warmup-{round}");
                foreach (var run in new[] { await ApiAsync(client, warmup, warmupApi, concurrency: warmupApi.Length),
                             await PortalAsync(warmup, warmupPortal, concurrency: warmupPortal.Length) })
                    if (run.Run.Errors.Any())
                        Console.Error.WriteLine($"Warm-up had errors: {string.Join("; ", run.Run.ErrorDetails)}");
            }
        }
        Console.Error.WriteLine($"Setup took {setup.Elapsed.TotalSeconds:0.0} s. The rounds start.");
        var versionsBefore = await CountVersionsAsync();

        var rounds = await RoundsAsync("round", pairs.Skip(1).Take(options.Rounds).ToList(),
            pair => ApiAsync(client, pair, api, concurrency), pair => PortalAsync(pair, portal, concurrency));
        Console.Error.WriteLine("Whole visits: each respondent signs in through its door, then answers.");
        var visits = await RoundsAsync("visit round", visitPairs,
            pair => ApiVisitAsync(client, pair, focalPoints, concurrency), pair => PortalVisitAsync(pair, focalPoints, concurrency));

        var few = Math.Min(AloneRespondents, api.Length);
        Console.Error.WriteLine($"One at a time: {few} respondents through each path.");
        var aloneApi = await ApiAsync(client, pairs[0], api[..few], concurrency: 1, arrivalSeconds: 0);
        var alonePortal = await PortalAsync(pairs[0], portal[..few], concurrency: 1, arrivalSeconds: 0);

        var versions = (Before: versionsBefore, After: await CountVersionsAsync());
        Console.WriteLine(PortalReport.Markdown(options, rounds, visits, tokenSignIn, portalSignIn, aloneApi, alonePortal, versions));
        var runs = rounds.Concat(visits).SelectMany(r => new[] { (r.Api, options.Respondents), (r.Portal, options.Respondents) })
            .Concat([(tokenSignIn, focalPoints.Length), (portalSignIn, focalPoints.Length), (aloneApi, few), (alonePortal, few)]);
        var failed = runs.Any(r => r.Item1.Run.Errors.Any() || r.Item1.Run.Completed != r.Item2 || (r.Item1.Kept is { } kept && kept != r.Item2));
        if (options.Sqlite is null)
            Console.Error.WriteLine("No --sqlite given: submissions in the database were not counted.");
        return failed ? 1 : 0;
    }

    /// <summary>Both paths once per pair, on its own consultations; the API first in odd rounds.</summary>
    private static async Task<List<ComparisonRound>> RoundsAsync(string label, IReadOnlyList<Pair> pairs, Func<Pair, Task<PathRun>> api,
        Func<Pair, Task<PathRun>> portal)
    {
        var rounds = new List<ComparisonRound>();
        for (var round = 1; round <= pairs.Count; round++)
        {
            var pair = pairs[round - 1];
            var apiFirst = round % 2 == 1;
            PathRun apiRun, portalRun;
            if (apiFirst)
            {
                apiRun = await api(pair);
                portalRun = await portal(pair);
            }
            else
            {
                portalRun = await portal(pair);
                apiRun = await api(pair);
            }
            rounds.Add(new ComparisonRound(round, apiFirst, apiRun, portalRun));
            Console.Error.WriteLine($"  {label} {round}: API {apiRun.Run.RespondentsPerSecond:0.0}/s, portal {portalRun.Run.RespondentsPerSecond:0.0}/s, "
                + $"portal/API {portalRun.Run.RespondentsPerSecond / apiRun.Run.RespondentsPerSecond:0.00}");
        }
        return rounds;
    }

    private Task<PathRun> ApiAsync(ServiceClient client, Pair pair, Respondent[] signedIn, int concurrency, double? arrivalSeconds = null)
    {
        Respondent[] answering = [.. signedIn.Select(r => r with { SaveBody = client.SaveBodyFor(pair.Api, r.Category, r.Index) })];
        return MeasuredAsync(fresh => HttpRush.RunAsync(fresh, pair.Api.Id, answering, concurrency, arrivalSeconds ?? options.ArrivalSeconds,
            HttpRush.Phase.Journey), pair.Api.Id);
    }

    private Task<PathRun> PortalAsync(Pair pair, PortalRespondent[] signedIn, int concurrency, double? arrivalSeconds = null)
    {
        PortalRespondent[] answering = [.. signedIn.Select(r => r with { AnswerFields = PortalForms.AnswerFieldsFor(pair.Portal, r.Category, r.Index) })];
        return MeasuredAsync(fresh => HttpRush.ReleaseAsync(answering, concurrency, arrivalSeconds ?? options.ArrivalSeconds,
            (respondent, measurements) => PortalJourney.AnswerAsync(fresh, pair.Portal.Id, respondent, measurements)), pair.Portal.Id);
    }

    /// <summary>A whole visit through the API: the password grant at the token endpoint, then the journey.</summary>
    private Task<PathRun> ApiVisitAsync(ServiceClient client, Pair pair, FocalPoint[] focalPoints, int concurrency) =>
        MeasuredAsync(fresh => HttpRush.ReleaseAsync(focalPoints, concurrency, options.ArrivalSeconds, async (f, m) =>
            await SignIns.TokenAsync(fresh, f, m) is { } token
            && await HttpRush.JourneyAsync(fresh, pair.Api.Id, new Respondent(f.Index, f.Category, token, client.SaveBodyFor(pair.Api, f.Category, f.Index)), m)),
            pair.Api.Id);

    /// <summary>A whole visit through the portal: signed out, the sign-in page on the way to the questionnaire, then the journey.</summary>
    private Task<PathRun> PortalVisitAsync(Pair pair, FocalPoint[] focalPoints, int concurrency) =>
        MeasuredAsync(fresh => HttpRush.ReleaseAsync(focalPoints, concurrency, options.ArrivalSeconds, async (f, m) =>
        {
            var session = new PortalSession(options.BaseUrl, $"respondent {f.Index} ({f.Category})");
            return await SignIns.PortalAsync(fresh, session, f, $"/consultations/{pair.Portal.Id}", m)
                && await PortalJourney.AnswerAsync(fresh, pair.Portal.Id,
                    new PortalRespondent(f.Index, f.Category, session, PortalForms.AnswerFieldsFor(pair.Portal, f.Category, f.Index)), m);
        }), pair.Portal.Id);

    /// <summary>Every focal point through the token endpoint, then through the portal's sign-in page, a few at a time as in setup.</summary>
    private async Task<(PathRun TokenSignIn, PathRun PortalSignIn, Respondent[] Api, PortalRespondent[] Portal)> SignInAsync(FocalPoint[] focalPoints, string returnUrl)
    {
        var tokens = new string?[focalPoints.Length];
        var sessions = new PortalSession?[focalPoints.Length];
        var token = await MeasuredAsync(fresh => HttpRush.ReleaseAsync(focalPoints, options.SetupParallelism, 0,
            async (f, m) => (tokens[f.Index] = await SignIns.TokenAsync(fresh, f, m)) is not null));
        var portal = await MeasuredAsync(fresh => HttpRush.ReleaseAsync(focalPoints, options.SetupParallelism, 0, async (f, m) =>
        {
            var session = new PortalSession(options.BaseUrl, $"respondent {f.Index} ({f.Category})");
            return (sessions[f.Index] = await SignIns.PortalAsync(fresh, session, f, returnUrl, m) ? session : null) is not null;
        }));
        return (token, portal,
            [.. focalPoints.Where(f => tokens[f.Index] is not null).Select(f => new Respondent(f.Index, f.Category, tokens[f.Index]!, []))],
            [.. focalPoints.Where(f => sessions[f.Index] is not null).Select(f => new PortalRespondent(f.Index, f.Category, sessions[f.Index]!, ""))]);
    }

    /// <summary>A phase on fresh connections, so neither path inherits the other's, with the service's processor time and, afterwards, what was kept.</summary>
    private async Task<PathRun> MeasuredAsync(Func<HttpClient, Task<Measurements>> phase, Guid? consultationId = null)
    {
        using var fresh = NewHttpClient();
        service?.Refresh();
        var before = service?.TotalProcessorTime;
        var measured = await phase(fresh);
        service?.Refresh();
        var used = service is null ? (TimeSpan?)null : service.TotalProcessorTime - before!.Value;
        int? kept = consultationId is { } id && options.Sqlite is { } file
            ? await SqliteContexts.CountSubmittedAsync(SqliteContexts.ReadOnly(file), id)
            : null;
        return new PathRun(measured, used, kept);
    }

    private async Task<int?> CountVersionsAsync() =>
        options.Sqlite is { } file ? await SqliteContexts.CountAllSubmittedVersionsAsync(SqliteContexts.ReadOnly(file)) : null;

    private static async Task<Pair> PairAsync(ServiceClient client, string secretariat, string tag) =>
        new(await client.CreateConsultationAsync(secretariat, tag + "-api"), await client.CreateConsultationAsync(secretariat, tag + "-portal"));

    private async Task<FocalPoint[]> CreateAsync(ServiceClient client, string secretariat, string runTag, int count, Stopwatch setup)
    {
        var created = new FocalPoint[count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = options.SetupParallelism },
            async (index, _) =>
            {
                created[index] = await client.CreateFocalPointAsync(secretariat, runTag, index);
                var now = Interlocked.Increment(ref done);
                if (count >= 100 && now % (count / 10) == 0)
                    Console.Error.WriteLine($"  provisioned {now}/{count} ({setup.Elapsed.TotalSeconds:0} s)");
            });
        return created;
    }

    /// <summary>As the rush's client (a connection per respondent in flight), but cookies and redirects are each portal respondent's own.</summary>
    private HttpClient NewHttpClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    {
        BaseAddress = options.BaseUrl,
        Timeout = TimeSpan.FromMinutes(5),
    };
}

using System.Diagnostics;
using System.Net;
using SurveyService.LoadTest;

// The deadline rush: provision N respondents through the API (untimed), release them all at once
// to save and submit against the running service, count what the database kept, then do the same
// writes in-process for the machine's ceiling. Exit 0 only when nothing was lost and nothing failed.
// With --portal, the same respondents answer through the API and through the portal's forms instead.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException or UriFormatException)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 64;
}

if (options.Portal)
{
    // The portal comparison has its own setup, rounds and report.
    using var measuredService = options.ServicePid is { } servicePid ? Process.GetProcessById(servicePid) : null;
    return await new PortalComparison(options, measuredService).RunAsync();
}

var concurrency = options.EffectiveConcurrency;
using var http = NewHttpClient();
var client = new ServiceClient(http);
var tag = Guid.NewGuid().ToString("N")[..8];

// Setup, not timed: the measured consultation and its respondents, and a warm-up consultation
// with a few respondents of its own so the warm-up leaves the measured count untouched.
var setup = Stopwatch.StartNew();
Console.Error.WriteLine($"Run {tag}: {options.Respondents} respondents, concurrency {concurrency}, against {options.BaseUrl}.");
var secretariat = await client.SignInAsync(options.SecretariatEmail, options.SecretariatPassword);
var consultation = await client.CreateConsultationAsync(secretariat, tag);
var saved = options.AccountsFile is { } accountsPath ? AccountsFile.Read(accountsPath, options.Respondents, options.Warmup) : null;
var respondents = saved is { } s
    ? AccountsFile.Answering(s.Measured, client, consultation)
    : await ProvisionAsync(consultation, tag, options.Respondents);
if (options.Warmup > 0)
{
    // The same warm-up accounts answer several consultations, each a first save and a submit, so
    // the hot paths run about a thousand times for only a hundred password hashes.
    var warmupRespondents = Array.Empty<Respondent>();
    for (var round = 0; round < options.WarmupRounds; round++)
    {
        var warmup = await client.CreateConsultationAsync(secretariat, $"{tag}-warmup-{round}");
        warmupRespondents = round > 0 ? [.. warmupRespondents.Select(r => r with { SaveBody = client.SaveBodyFor(warmup, r.Category, r.Index) })]
            : saved is { } w ? AccountsFile.Answering(w.Warmup, client, warmup)
            : await ProvisionAsync(warmup, tag + "-w", options.Warmup);
        var warmed = await HttpRush.RunAsync(http, warmup.Id, warmupRespondents, concurrency);
        if (warmed.Errors.Any())
            Console.Error.WriteLine($"Warm-up had errors: {string.Join("; ", warmed.ErrorDetails)}");
    }
    if (saved is null && options.AccountsFile is { } path)
        AccountsFile.Write(path, respondents, warmupRespondents);
}
else if (saved is null && options.AccountsFile is { } path)
    AccountsFile.Write(path, respondents, []);
Console.Error.WriteLine($"Setup took {setup.Elapsed.TotalSeconds:0.0} s (consultation {consultation.Id}). The rush starts.");

// The measured phase over HTTP, with the processor time each side spent.
using var service = options.ServicePid is { } pid ? Process.GetProcessById(pid) : null;
var (rush, cpu) = await MeasuredAsync(() => HttpRush.RunAsync(http, consultation.Id, respondents, concurrency, options.ArrivalSeconds));

int? counted = options.Sqlite is { } file
    ? await SqliteContexts.CountSubmittedAsync(SqliteContexts.ReadOnly(file), consultation.Id)
    : null;
Console.WriteLine(Report.Http(rush, counted, cpu));
if (service is not null)
    Console.WriteLine(await CostProbe.RunAsync(http, service, consultation.Id, respondents[0].AccessToken) + Environment.NewLine);

var floorsFailed = false;
if (options.Floor)
{
    foreach (var phase in new[] { HttpRush.Phase.NoDatabase, HttpRush.Phase.Reads })
    {
        Console.Error.WriteLine($"HTTP floor ({phase}): the same respondents, two requests each, no writes.");
        // Fresh connections, as the rush had: opening 2,000 of them is part of what a rush costs.
        using var fresh = NewHttpClient();
        var (floor, floorCpu) = await MeasuredAsync(() => HttpRush.RunAsync(fresh, consultation.Id, respondents, concurrency, options.ArrivalSeconds, phase));
        Console.WriteLine(Report.Floor(floor, phase, rush, floorCpu));
        floorsFailed |= floor.Errors.Any();
    }
}

var failed = floorsFailed || rush.Errors.Any() || rush.Completed != options.Respondents || (counted is { } c && c != options.Respondents);
if (counted is null)
    Console.Error.WriteLine("No --sqlite given: submissions in the database were not counted.");

if (!options.SkipCeiling)
{
    Console.Error.WriteLine("In-process ceiling: seeding a fresh SQLite file (not timed), then the same writes.");
    // Warm-up on throwaway files: cheap here (no password hashing), and without it the first
    // measured runs time the JIT rather than the database.
    for (var round = 0; round < 3 && options.Warmup > 0; round++)
        await InProcessCeiling.RunAsync(1_000, 16);
    var (ceiling, ceilingCounted) = await InProcessCeiling.RunAsync(options.Respondents, concurrency);
    failed |= ceiling.Errors.Any() || ceilingCounted != options.Respondents;
    var sweep = new List<(Measurements, int)>();
    foreach (var other in options.CeilingSweep.Where(c => c > 0 && c < options.Respondents && c != concurrency).Distinct())
    {
        Console.Error.WriteLine($"In-process ceiling at concurrency {other}.");
        sweep.Add(await InProcessCeiling.RunAsync(options.Respondents, other));
    }
    Console.WriteLine(Report.Ceiling(ceiling, ceilingCounted, sweep, rush, new CpuUse("in-process writer", ceiling.OwnProcessorTime, ceiling.Wall)));
}

return failed ? 1 : 0;

// A phase over HTTP, with the processor time each side of loopback spent on it.
async Task<(Measurements, List<CpuUse>)> MeasuredAsync(Func<Task<Measurements>> phase)
{
    var serviceBefore = service?.TotalProcessorTime;
    var measured = await phase();
    service?.Refresh();
    var used = new List<CpuUse>();
    if (service is not null)
        used.Add(new CpuUse("service", service.TotalProcessorTime - serviceBefore!.Value, measured.Wall));
    used.Add(new CpuUse("load generator", measured.OwnProcessorTime, measured.Wall));
    return (measured, used);
}

HttpClient NewHttpClient() => new(new SocketsHttpHandler
{
    // One connection per respondent in flight, as N browsers would open; no client-side cap.
    MaxConnectionsPerServer = int.MaxValue,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    AutomaticDecompression = DecompressionMethods.None,
})
{
    BaseAddress = options.BaseUrl,
    Timeout = TimeSpan.FromMinutes(5),
};

async Task<Respondent[]> ProvisionAsync(BenchmarkConsultation target, string runTag, int count)
{
    var provisioned = new Respondent[count];
    var done = 0;
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = options.SetupParallelism },
        async (index, _) =>
        {
            provisioned[index] = await client.ProvisionAsync(secretariat, target, runTag, index);
            var now = Interlocked.Increment(ref done);
            if (count >= 100 && now % (count / 10) == 0)
                Console.Error.WriteLine($"  provisioned and signed in {now}/{count} ({setup.Elapsed.TotalSeconds:0} s)");
        });
    return provisioned;
}

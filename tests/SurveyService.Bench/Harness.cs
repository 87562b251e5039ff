using System.Diagnostics;
using System.Globalization;

namespace SurveyService.Bench;

/// <summary>What one timed run produced, and a few figures worth reporting beside the total (phase times in seconds, named *_s).</summary>
internal sealed record Outcome(long FileBytes, IReadOnlyDictionary<string, double>? Details = null);

/// <summary>
/// Times one measurement in this process: warm-up first (untimed), then a full GC, then the peak
/// resident set is reset so that it covers the timed run only, and the run itself. Prints one
/// RESULT line that run-benchmark.sh turns into the table.
/// </summary>
internal static class Harness
{
    public static async Task RunAsync(string mode, int submissions, Func<Task> warmUp, Func<Task<Outcome>> timed)
    {
        await warmUp();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var baseline = Environment.WorkingSet;
        var peakReset = PeakMemory.TryReset();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        using var sampler = new MemorySampler();

        var clock = Stopwatch.StartNew();
        var outcome = await timed();
        clock.Stop();

        sampler.Stop();
        var peak = PeakMemory.Read();
        var fields = new List<(string, string)>
        {
            ("mode", mode),
            ("n", submissions.ToString(CultureInfo.InvariantCulture)),
            ("seconds", clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)),
            // Peak resident set of the process during the timed run (VmHWM, reset just before it);
            // without the reset it is the process's lifetime peak, which includes the warm-up.
            ("peak_mb", Mb(peak)),
            ("peak_is", peakReset ? "timed-run" : "process-lifetime"),
            ("baseline_mb", Mb(baseline)),
            ("managed_peak_mb", Mb(sampler.ManagedPeak)),
            ("allocated_mb", Mb(GC.GetTotalAllocatedBytes(precise: true) - allocated)),
            ("gc", string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collections[g]))),
            ("file_bytes", outcome.FileBytes.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var (name, value) in outcome.Details ?? new Dictionary<string, double>())
            fields.Add((name, value.ToString("F2", CultureInfo.InvariantCulture)));
        Console.WriteLine("RESULT " + string.Join(' ', fields.Select(f => $"{f.Item1}={f.Item2}")));
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);
}

/// <summary>The kernel's high-water mark of the resident set (VmHWM), which Linux lets a process reset.</summary>
internal static class PeakMemory
{
    /// <summary>Writing 5 to clear_refs resets VmHWM to the current resident set (Linux 4.0+).</summary>
    public static bool TryReset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long Read()
    {
        if (File.Exists("/proc/self/status"))
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}

/// <summary>
/// Samples the managed heap every 20 ms, to tell managed growth (objects the code holds) from
/// the rest of the resident set (runtime, SQLite page cache, native buffers).
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _managedPeak;

    public MemorySampler()
    {
        _thread = new Thread(() =>
        {
            while (!_stop)
            {
                var managed = GC.GetTotalMemory(forceFullCollection: false);
                if (managed > _managedPeak)
                    _managedPeak = managed;
                Thread.Sleep(20);
            }
        }) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    public long ManagedPeak => Interlocked.Read(ref _managedPeak);

    public void Stop()
    {
        _stop = true;
        _thread.Join();
    }

    public void Dispose() => Stop();
}

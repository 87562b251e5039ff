using System.Globalization;
using System.Text;

namespace SurveyService.LoadTest;

/// <summary>Processor time spent by a process over the measured phase, to see which side of loopback used the two cores.</summary>
internal sealed record CpuUse(string Who, TimeSpan Used, TimeSpan Wall)
{
    public string Describe() =>
        $"{Who}: {Used.TotalSeconds:0.00} s of processor time in {Wall.TotalSeconds:0.00} s wall, " +
        $"{Used / Wall / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores";
}

/// <summary>Markdown, ready to paste into BENCHMARKS.md.</summary>
internal static class Report
{
    public static string Http(Measurements m, int? counted, IReadOnlyList<CpuUse> cpu)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"### HTTP path: N = {m.Respondents:N0}, concurrency C = {m.Concurrency:N0}, ")
            + (m.ArrivalSeconds > 0 ? Invariant($"arrivals spread over {m.ArrivalSeconds:0.#} s ({m.Respondents / m.ArrivalSeconds:0.#} respondents/s offered)") : "all released at once"));
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant($"| wall time of the rush | {m.Wall.TotalSeconds:0.000} s |"));
        text.AppendLine(Invariant($"| respondents/s (save + submit pairs) | {m.RespondentsPerSecond:0.0} |"));
        text.AppendLine(Invariant($"| requests/s | {m.RequestsPerSecond:0.0} |"));
        text.AppendLine(Invariant($"| errors | {ErrorText(m)} |"));
        text.AppendLine(Invariant($"| respondents whose save and submit both succeeded | {m.Completed:N0} |"));
        text.AppendLine(counted is { } c
            ? Invariant($"| submissions in the database afterwards | {c:N0} of {m.Respondents:N0}{(c == m.Respondents ? "" : " (LOST " + (m.Respondents - c) + ")")} |")
            : "| submissions in the database afterwards | not counted (no --sqlite) |");
        text.AppendLine();
        Latencies(text, m);
        foreach (var use in cpu)
            text.AppendLine("- " + use.Describe());
        Details(text, m);
        return text.ToString();
    }

    public static string Ceiling(Measurements ceiling, int counted, IReadOnlyList<(Measurements Run, int Counted)> sweep, Measurements http, CpuUse cpu)
    {
        var text = Table(Invariant($"### In-process ceiling: N = {ceiling.Respondents:N0}, same concurrency C = {ceiling.Concurrency:N0}"),
            Invariant($"| wall time | {ceiling.Wall.TotalSeconds:0.000} s |"),
            Invariant($"| respondents/s (save + submit pairs) | {ceiling.RespondentsPerSecond:0.0} |"),
            Invariant($"| errors | {ErrorText(ceiling)} |"),
            Invariant($"| submissions in its database afterwards | {counted:N0} of {ceiling.Respondents:N0} |"),
            Invariant($"| **HTTP path / in-process, same C** | **{http.RespondentsPerSecond / ceiling.RespondentsPerSecond:0.00}** ({http.RespondentsPerSecond:0.0} / {ceiling.RespondentsPerSecond:0.0} respondents/s) |"));
        Latencies(text, ceiling);
        text.AppendLine("- " + cpu.Describe());
        Details(text, ceiling);
        if (sweep.Count == 0)
            return text.ToString();

        // The best in-process rate over every concurrency tried is the machine's ceiling.
        text.AppendLine(Invariant($"In-process, the same N = {ceiling.Respondents:N0} at other concurrencies (each on a fresh file):"));
        text.AppendLine();
        text.AppendLine("| concurrency | respondents/s | p50 (ms) | p99 (ms) | errors | kept |");
        text.AppendLine("|---:|---:|---:|---:|---|---:|");
        var all = sweep.Prepend((ceiling, counted)).OrderBy(r => r.Item1.Concurrency).ToArray();
        foreach (var (run, kept) in all)
        {
            var p = run.Of(null);
            text.AppendLine(Invariant($"| {run.Concurrency:N0} | {run.RespondentsPerSecond:0.0} | {p.P50:0.0} | {p.P99:0.0} | {ErrorText(run)} | {kept:N0} |"));
        }
        var best = all.MaxBy(r => r.Item1.RespondentsPerSecond).Item1;
        text.AppendLine();
        text.AppendLine(Invariant($"**HTTP path / best in-process rate (C = {best.Concurrency:N0}): {http.RespondentsPerSecond / best.RespondentsPerSecond:0.00}** ({http.RespondentsPerSecond:0.0} / {best.RespondentsPerSecond:0.0} respondents/s)"));
        text.AppendLine();
        return text.ToString();
    }

    public static string Floor(Measurements floor, HttpRush.Phase phase, Measurements rush, IReadOnlyList<CpuUse> cpu)
    {
        var what = phase == HttpRush.Phase.Reads
            ? "two authenticated reads of the consultation each (GET /api/consultations/{id}: two queries), no writes"
            : "two authenticated requests each to a path no route matches (404 problem): no database work at all";
        var text = Table(Invariant($"### HTTP floor: the same N = {floor.Respondents:N0} respondents, C = {floor.Concurrency:N0}, {what}"),
            Invariant($"| wall time | {floor.Wall.TotalSeconds:0.000} s |"),
            Invariant($"| requests/s | {floor.RequestsPerSecond:0.0} |"),
            Invariant($"| errors | {ErrorText(floor)} |"),
            Invariant($"| **rush p99 / floor p99** | **{rush.Of(null).P99 / floor.Of(null).P99:0.00}** ({rush.Of(null).P99:0} / {floor.Of(null).P99:0} ms) |"));
        Latencies(text, floor, [("all", null)]);
        foreach (var use in cpu)
            text.AppendLine("- " + use.Describe());
        Details(text, floor);
        return text.ToString();
    }

    private static void Latencies(StringBuilder text, Measurements m, (string Label, string? Kind)[]? kinds = null)
    {
        text.AppendLine("| latency (ms) | count | p50 | p95 | p99 | max |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (label, kind) in kinds ?? [("save", HttpRush.Save), ("submit", HttpRush.Submit), ("all", null)])
        {
            var p = m.Of(kind);
            text.AppendLine(Invariant($"| {label} | {p.Count:N0} | {p.P50:0.0} | {p.P95:0.0} | {p.P99:0.0} | {p.Max:0.0} |"));
        }
        text.AppendLine();
    }

    /// <summary>A heading, then a two-column table of measures.</summary>
    private static StringBuilder Table(string heading, params string[] rows)
    {
        var text = new StringBuilder();
        text.AppendLine(heading);
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("|---|---|");
        foreach (var row in rows)
            text.AppendLine(row);
        text.AppendLine();
        return text;
    }

    private static void Details(StringBuilder text, Measurements m)
    {
        foreach (var detail in m.ErrorDetails)
            text.AppendLine("- error: " + detail.ReplaceLineEndings(" "));
        text.AppendLine();
    }

    private static string ErrorText(Measurements m)
    {
        var errors = m.Errors.ToArray();
        return errors.Length == 0 ? "0" : $"{errors.Sum(e => e.Count)} ({string.Join(", ", errors.Select(e => $"{e.Outcome}: {e.Count}"))})";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

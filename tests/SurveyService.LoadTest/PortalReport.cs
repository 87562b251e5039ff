using System.Globalization;
using System.Text;

namespace SurveyService.LoadTest;

/// <summary>The portal comparison in Markdown, ready to paste into BENCHMARKS.md.</summary>
internal static class PortalReport
{
    private static readonly string[] ApiSteps = [HttpRush.QuestionnaireRead, HttpRush.Save, HttpRush.Submit];

    public static string Markdown(LoadOptions options, IReadOnlyList<ComparisonRound> rounds, IReadOnlyList<ComparisonRound> visits,
        PathRun tokenSignIn, PathRun portalSignIn, PathRun aloneApi, PathRun alonePortal, (int? Before, int? After) versions)
    {
        var n = options.Respondents;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"### Portal and API: N = {n:N0}, concurrency C = {options.EffectiveConcurrency:N0}, ")
            + (options.ArrivalSeconds > 0 ? Invariant($"arrivals spread over {options.ArrivalSeconds:0.#} s ({n / options.ArrivalSeconds:0.#} respondents/s offered)") : "all released at once")
            + Invariant($", {rounds.Count} rounds"));
        text.AppendLine();
        text.AppendLine("Timed per respondent, after sign-in, from its first request sent to the last byte of its last answer: "
            + "API `GET …/questionnaire`, `PUT …/submission`, `POST …/submission/submit` (If-Match); portal `GET /consultations/{id}`, "
            + "`POST` the form (302), `GET …/review`, `POST` Submit (302), `GET …/receipt`. Each path on its own consultation, fresh connections per phase.");
        text.AppendLine();
        if (versions is { Before: { } before, After: { } after })
        {
            text.AppendLine(Invariant($"Submitted versions in the whole database (every consultation, warm-up included): {before:N0} before the first round, {after:N0} after the one-at-a-time pass."));
            text.AppendLine();
        }
        Rounds(text, rounds, n);
        text.AppendLine("Whole visits, as a person opening the portal makes one: each respondent arrives signed out and signs in through its own door "
            + "(API: `POST /connect/token`; portal: `GET /account/login?returnUrl=…`, `POST` it, 302 to the questionnaire), then the same journey, "
            + "on a fresh pair of consultations each round. Timed from the first request of the sign-in.");
        text.AppendLine();
        Rounds(text, visits, n);

        text.AppendLine("Per step, every round's requests together, and the same steps one respondent at a time (nothing else in flight from the generator):");
        text.AppendLine();
        text.AppendLine("| path | step | requests | p50 (ms) | p99 (ms) | bytes per answer | one at a time: p50 (ms) |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        Steps(text, "API", ApiSteps, rounds.Select(r => r.Api.Run).ToArray(), aloneApi.Run);
        Steps(text, "portal", PortalJourney.Steps, rounds.Select(r => r.Portal.Run).ToArray(), alonePortal.Run);
        foreach (var (path, alone) in new[] { ("API", aloneApi), ("portal", alonePortal) })
            text.AppendLine(Invariant($"| {path} | whole journey, one at a time | {alone.Run.Completed} | {alone.Run.Journeys.P50:0.0} | {alone.Run.Journeys.P99:0.0} | ")
                + Invariant($"{(double)alone.Run.Samples.Sum(s => s.Bytes) / alone.Run.Respondents:N0} | service {Text(ServiceMs(alone))} ms per respondent; kept {Kept([alone], alone.Run.Respondents)} |"));
        text.AppendLine();
        text.Append(SignIn(tokenSignIn, portalSignIn));
        foreach (var detail in rounds.SelectMany(r => new[] { r.Api, r.Portal }).Append(aloneApi).Append(alonePortal).SelectMany(p => p.Run.ErrorDetails).Take(10))
            text.AppendLine("- error: " + detail.ReplaceLineEndings(" "));
        return text.ToString();
    }

    /// <summary>Each round's rates and ratio, then the medians over the rounds.</summary>
    private static void Rounds(StringBuilder text, IReadOnlyList<ComparisonRound> rounds, int n)
    {
        text.AppendLine("| round | first | API respondents/s | portal respondents/s | portal / API | API p50 / p99 (ms) | portal p50 / p99 (ms) | service ms per respondent, API / portal |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rounds)
            text.AppendLine(Invariant($"| {r.Number} | {(r.ApiFirst ? "API" : "portal")} | {r.Api.Run.RespondentsPerSecond:0.0} | {r.Portal.Run.RespondentsPerSecond:0.0} | ")
                + Invariant($"{Ratio(r, p => p.Run.RespondentsPerSecond):0.00} | {r.Api.Run.Journeys.P50:0} / {r.Api.Run.Journeys.P99:0} | ")
                + Invariant($"{r.Portal.Run.Journeys.P50:0} / {r.Portal.Run.Journeys.P99:0} | {Text(ServiceMs(r.Api))} / {Text(ServiceMs(r.Portal))} |"));
        text.AppendLine();

        text.AppendLine("| median over the rounds | API | portal | portal / API |");
        text.AppendLine("|---|---:|---:|---:|");
        Median(text, "respondents/s", rounds, p => p.Run.RespondentsPerSecond, "0.0", bold: true);
        Median(text, "p50 per respondent (ms)", rounds, p => p.Run.Journeys.P50, "0");
        Median(text, "p99 per respondent (ms)", rounds, p => p.Run.Journeys.P99, "0");
        Median(text, "p50 per request, all steps (ms)", rounds, p => p.Run.Of(null).P50, "0");
        Median(text, "p99 per request, all steps (ms)", rounds, p => p.Run.Of(null).P99, "0");
        Median(text, "service processor time per respondent (ms)", rounds, p => ServiceMs(p) ?? double.NaN, "0.00");
        Median(text, "load generator processor time per respondent (ms)", rounds, p => p.Run.OwnProcessorTime.TotalMilliseconds / p.Run.Respondents, "0.00");
        Median(text, "requests per respondent", rounds, p => (double)p.Run.Samples.Count / p.Run.Respondents, "0.0");
        Median(text, "bytes received per respondent", rounds, p => (double)p.Run.Samples.Sum(s => s.Bytes) / p.Run.Respondents, "N0");
        text.AppendLine(Invariant($"| errors, all rounds | {Errors(rounds.Select(r => r.Api))} | {Errors(rounds.Select(r => r.Portal))} | |"));
        text.AppendLine(Invariant($"| submissions in the database, all rounds | {Kept(rounds.Select(r => r.Api), n)} | {Kept(rounds.Select(r => r.Portal), n)} | |"));
        text.AppendLine();
    }

    public static string SignIn(PathRun token, PathRun portal)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Sign-in, measured apart, {token.Run.Concurrency} at a time, every respondent through each door (one password hash each):"));
        text.AppendLine();
        text.AppendLine("| door | requests per respondent | respondents/s | p50 / p99 per respondent (ms) | service ms per respondent | errors |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var (door, run) in new[] { ("API: `POST /connect/token`", token), ("portal: `GET` and `POST /account/login`", portal) })
            text.AppendLine(Invariant($"| {door} | {(double)run.Run.Samples.Count / run.Run.Respondents:0} | {run.Run.RespondentsPerSecond:0.0} | ")
                + Invariant($"{run.Run.Journeys.P50:0} / {run.Run.Journeys.P99:0} | {Text(ServiceMs(run))} | {Errors([run])} |"));
        text.AppendLine();
        foreach (var detail in token.Run.ErrorDetails.Concat(portal.Run.ErrorDetails))
            text.AppendLine("- error: " + detail.ReplaceLineEndings(" "));
        return text.ToString();
    }

    private static void Median(StringBuilder text, string measure, IReadOnlyList<ComparisonRound> rounds, Func<PathRun, double> of, string format, bool bold = false)
    {
        var api = MedianOf(rounds.Select(r => of(r.Api)));
        var portal = MedianOf(rounds.Select(r => of(r.Portal)));
        var ratio = MedianOf(rounds.Select(r => Ratio(r, of)));
        var ratioText = ratio.ToString("0.00", CultureInfo.InvariantCulture);
        text.AppendLine($"| {measure} | {api.ToString(format, CultureInfo.InvariantCulture)} | {portal.ToString(format, CultureInfo.InvariantCulture)} | "
            + (bold ? $"**{ratioText}**" : ratioText) + " |");
    }

    private static void Steps(StringBuilder text, string path, string[] steps, Measurements[] runs, Measurements alone)
    {
        foreach (var step in steps)
        {
            var samples = runs.SelectMany(r => r.Samples).Where(s => s.Kind == step).ToArray();
            var all = Percentiles.From(samples.Select(s => s.Milliseconds));
            var bytes = samples.Length == 0 ? 0 : samples.Average(s => s.Bytes);
            text.AppendLine(Invariant($"| {path} | {step} | {all.Count:N0} | {all.P50:0.0} | {all.P99:0.0} | {bytes:N0} | {alone.Of(step).P50:0.0} |"));
        }
    }

    /// <summary>The ratio of the same round, so a busy minute of the machine slows both sides of it.</summary>
    private static double Ratio(ComparisonRound round, Func<PathRun, double> of) => of(round.Portal) / of(round.Api);

    private static double? ServiceMs(PathRun run) => run.ServiceTime is { } used && run.Run.Completed > 0 ? used.TotalMilliseconds / run.Run.Completed : null;

    private static string Text(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Errors(IEnumerable<PathRun> runs)
    {
        var errors = runs.SelectMany(r => r.Run.Errors).GroupBy(e => e.Outcome).Select(g => (Outcome: g.Key, Count: g.Sum(e => e.Count))).ToArray();
        return errors.Length == 0 ? "0" : $"{errors.Sum(e => e.Count)} ({string.Join(", ", errors.Select(e => $"{e.Outcome}: {e.Count}"))})";
    }

    private static string Kept(IEnumerable<PathRun> runs, int respondents)
    {
        var all = runs.ToArray();
        if (all.Any(r => r.Kept is null))
            return "not counted (no --sqlite)";
        var kept = all.Sum(r => r.Kept!.Value);
        var expected = all.Length * respondents;
        return Invariant($"{kept:N0} of {expected:N0}") + (kept == expected ? "" : $" (LOST {expected - kept})");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

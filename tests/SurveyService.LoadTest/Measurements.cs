using System.Collections.Concurrent;

namespace SurveyService.LoadTest;

/// <summary>One timed call: which kind, how long, and how it ended (an HTTP status, or "exception").</summary>
internal readonly record struct Sample(string Kind, double Milliseconds, string Outcome, bool Ok, int Bytes = 0);

/// <summary>
/// Every call of a measured phase, kept whole (a few thousand entries) so percentiles are exact
/// rather than estimated from buckets.
/// </summary>
internal sealed class Measurements
{
    private readonly ConcurrentQueue<Sample> _samples = new();
    private readonly ConcurrentQueue<string> _errorDetails = new();
    private readonly ConcurrentQueue<double> _journeys = new();

    public TimeSpan Wall { get; set; }

    /// <summary>Processor time this process spent over the measured phase (client side, or all of it in-process).</summary>
    public TimeSpan OwnProcessorTime { get; set; }
    public int Respondents { get; init; }
    public int Concurrency { get; init; }

    /// <summary>0 when all respondents were released at once; otherwise the span their arrivals were spread over.</summary>
    public double ArrivalSeconds { get; init; }
    public int Completed => _completed;
    private int _completed;

    public void Add(Sample sample) => _samples.Enqueue(sample);

    /// <summary>A respondent whose every request succeeded, and how long its requests took from the first sent to the last answered.</summary>
    public void RespondentDone(double journeyMilliseconds)
    {
        Interlocked.Increment(ref _completed);
        _journeys.Enqueue(journeyMilliseconds);
    }

    /// <summary>Keeps the first few error bodies for the report; the counts keep the rest.</summary>
    public void ErrorDetail(string detail)
    {
        if (_errorDetails.Count < 5)
            _errorDetails.Enqueue(detail);
    }

    public IReadOnlyCollection<string> ErrorDetails => _errorDetails;
    public IReadOnlyList<Sample> Samples => [.. _samples];

    public double RespondentsPerSecond => Completed / Wall.TotalSeconds;
    public double RequestsPerSecond => _samples.Count / Wall.TotalSeconds;

    public IEnumerable<(string Outcome, int Count)> Errors =>
        Samples.Where(s => !s.Ok).GroupBy(s => $"{s.Kind} {s.Outcome}").OrderBy(g => g.Key).Select(g => (g.Key, g.Count()));

    /// <summary>Per completed respondent: its whole journey, which is what a person waits for, however many requests it takes.</summary>
    public Percentiles Journeys => Percentiles.From(_journeys);

    public Percentiles Of(string? kind) => Percentiles.From(Samples.Where(s => kind is null || s.Kind == kind).Select(s => s.Milliseconds));
}

internal sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    /// <summary>Nearest-rank percentiles: p99 of 4,000 samples is the 3,960th smallest.</summary>
    public static Percentiles From(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return new(0, 0, 0, 0, 0);
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1]);
    }
}

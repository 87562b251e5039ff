namespace SurveyService.Data.Analyses;

public enum AnalysisStatus
{
    NotStarted,
    Pending,
    Running,
    Ready,
    Failed,
}

/// <summary>
/// The compiled analysis of a consultation: one row per consultation, replaced by every compile,
/// so a retried or repeated job never duplicates anything. Stored in the database, so every
/// instance serves the same result.
/// </summary>
public sealed class Analysis
{
    public Guid ConsultationId { get; init; }
    public AnalysisStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }

    /// <summary>
    /// Every request to compile counts one, also one made while a compile runs: a compile records
    /// the count it started from (<see cref="CompiledRequest"/>), so when it ends with a later
    /// request counted, that request's screening may be missing and another compile follows.
    /// </summary>
    public int Requested { get; set; }

    /// <summary>The request count when the running (or last) compile claimed the analysis; its snapshot holds everything requested up to it.</summary>
    public int CompiledRequest { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? GeneratedAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>While Running: what the compile is doing and how far along it is (0 to 100).</summary>
    public string? Stage { get; set; }
    public int Progress { get; set; }
    public string? Error { get; set; }

    /// <summary>The JSON summary of the API, as compiled.</summary>
    public string? SummaryJson { get; set; }
}

/// <summary>A workbook of an analysis: the whole one (Tier null) or one tier's.</summary>
public sealed class AnalysisWorkbook
{
    public Guid ConsultationId { get; init; }

    /// <summary>"All" or a tier name; part of the key.</summary>
    public required string Scope { get; init; }
    public required byte[] Content { get; init; }
}

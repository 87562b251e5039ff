using System.ComponentModel.DataAnnotations;

namespace SurveyService.Jobs;

public enum JobStorageKind
{
    /// <summary>Follow Database:Provider: InMemory for Sqlite, else the same server.</summary>
    Auto,
    InMemory,
    SqlServer,
    PostgreSql,
}

internal sealed class JobsOptions
{
    public const string Section = "Jobs";

    public JobStorageKind Storage { get; set; } = JobStorageKind.Auto;

    /// <summary>When due consultations are swept (cron, UTC). The sweep is what makes closing survive restarts.</summary>
    [Required]
    public string SweepCron { get; set; } = "* * * * *";

    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often scheduled jobs (a close at a deadline) are checked for being due.</summary>
    [Range(1, 3600)]
    public int SchedulePollingSeconds { get; set; } = 15;

    /// <summary>
    /// How long a job taken by an instance that stopped (crashed, or was stopped in the middle of it)
    /// stays hidden before another instance takes it again. A running job's instance keeps it hidden
    /// for as long as it runs, so this bounds only the wait after a stop, not the length of a job.
    /// </summary>
    [Range(1, 24 * 3600)]
    public int InvisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// PostgreSQL job storage only: how often idle workers look for jobs nobody announced, such as
    /// one given up by a stopped instance. New jobs are announced, and taken at once.
    /// </summary>
    [Range(1, 3600)]
    public int QueuePollSeconds { get; set; } = 15;

    /// <summary>A compile still Running after this long is taken as lost and may be claimed again.</summary>
    [Range(1, 24 * 60)]
    public int StaleCompileMinutes { get; set; } = 30;

    /// <summary>Serve the Hangfire dashboard at /hangfire (Secretariat and Analyst staff only).</summary>
    public bool Dashboard { get; set; } = true;
}

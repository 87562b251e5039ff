using Hangfire;
using Microsoft.Extensions.Options;
using SurveyService.Analysis;
using SurveyService.Consultations;
using SurveyService.Data.Analyses;

namespace SurveyService.Jobs;

/// <summary>
/// Closes consultations at their deadline. Each close is a conditional update, so it happens
/// once whoever gets there first (the job scheduled at closesAt, the sweep, or a Secretariat
/// request), and never early: a job scheduled for an old deadline finds closesAt in the future
/// and does nothing.
/// </summary>
internal sealed class ConsultationCloser(SurveyDbContext db, TimeProvider clock, IBackgroundJobClient jobs, AnalysisQueue analyses,
    IOptions<JobsOptions> options, ILogger<ConsultationCloser> logger)
{
    /// <summary>Called at publish and whenever closesAt moves.</summary>
    public void Schedule(Guid consultationId, DateTime closesAt) =>
        jobs.Schedule<ConsultationCloser>(closer => closer.CloseIfDueAsync(consultationId), new DateTimeOffset(closesAt, TimeSpan.Zero));

    [AutomaticRetry(Attempts = 5)]
    public async Task CloseIfDueAsync(Guid consultationId)
    {
        var now = clock.UtcNow();
        var closed = await db.Consultations
            .Where(c => c.Id == consultationId && c.PublishedAt != null && c.ClosedAt == null && c.ClosesAt <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ClosedAt, c => c.ClosesAt));
        if (closed == 0)
            return;
        logger.LogInformation("Consultation {ConsultationId} closed at its deadline.", consultationId);
        await analyses.RequestAsync(consultationId);
    }

    /// <summary>The Secretariat closes now; closing a closed consultation again changes nothing.</summary>
    public async Task<CloseOutcome> CloseNowAsync(Guid consultationId)
    {
        var now = clock.UtcNow();
        var closed = await db.Consultations
            .Where(c => c.Id == consultationId && c.PublishedAt != null && c.ClosedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ClosedAt, c => c.ClosesAt < now ? c.ClosesAt : now));
        if (closed > 0)
        {
            logger.LogInformation("Consultation {ConsultationId} closed on request.", consultationId);
            await analyses.RequestAsync(consultationId);
            return CloseOutcome.Closed;
        }
        var published = await db.Consultations.Where(c => c.Id == consultationId).Select(c => (bool?)(c.PublishedAt != null)).FirstOrDefaultAsync();
        if (published is null)
            return CloseOutcome.NotFound;
        if (published == false)
            return CloseOutcome.Draft;
        // Already closed: closing again changes nothing, but an analysis that was never requested is.
        if (!await db.Analyses.AnyAsync(a => a.ConsultationId == consultationId))
            await analyses.RequestAsync(consultationId);
        return CloseOutcome.Closed;
    }

    /// <summary>
    /// Closes whatever is due and re-requests analyses that a restart or a lost in-memory job left
    /// waiting. Runs at start-up and on Jobs:SweepCron.
    /// </summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task SweepAsync() => SweepAsync(TimeSpan.FromMinutes(options.Value.StaleCompileMinutes));

    /// <summary>At start-up every waiting analysis counts as lost (in-memory jobs are gone); a duplicate request is harmless.</summary>
    public Task SweepAfterRestartAsync() => SweepAsync(TimeSpan.Zero);

    private async Task SweepAsync(TimeSpan lostAfter)
    {
        var now = clock.UtcNow();
        var due = await db.Consultations.AsNoTracking()
            .Where(c => c.PublishedAt != null && c.ClosedAt == null && c.ClosesAt <= now)
            .Select(c => c.Id).ToListAsync();
        foreach (var id in due)
            await CloseIfDueAsync(id);

        var lostBefore = now - lostAfter;
        var waiting = await db.Consultations.AsNoTracking()
            .Where(c => c.ClosedAt != null)
            .Where(c => !db.Analyses.Any(a => a.ConsultationId == c.Id)
                || db.Analyses.Any(a => a.ConsultationId == c.Id
                    && ((a.Status == AnalysisStatus.Pending && a.RequestedAt <= lostBefore)
                        || (a.Status == AnalysisStatus.Running && a.StartedAt < lostBefore))))
            .Select(c => c.Id).ToListAsync();
        foreach (var id in waiting)
            await analyses.RequestAsync(id);
    }
}

internal enum CloseOutcome
{
    Closed,
    Draft,
    NotFound,
}

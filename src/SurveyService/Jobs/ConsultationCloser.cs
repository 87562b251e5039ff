using Hangfire;
using Microsoft.Extensions.Options;
using SurveyService.Analysis;
using SurveyService.Consultations;
using SurveyService.Data.Analyses;
using SurveyService.Data.Consultations;

namespace SurveyService.Jobs;

/// <summary>
/// Closes consultations at their deadline. Each close is a conditional update, so it happens
/// once whoever gets there first (the job scheduled at closesAt, the sweep, or a Secretariat
/// request, <see cref="CloseConsultationNow"/>), and never early: a job scheduled for an old deadline finds closesAt in the future
/// and does nothing.
/// </summary>
internal sealed class ConsultationCloser(SurveyDbContext db, TimeProvider clock, IBackgroundJobClient jobs, AnalysisQueue analyses,
    IOptions<JobsOptions> options, JobStorage storage, ILogger<ConsultationCloser> logger)
{
    /// <summary>Called at publish and whenever closesAt moves.</summary>
    public void Schedule(Guid consultationId, DateTime closesAt) =>
        jobs.Schedule<ConsultationCloser>(closer => closer.CloseIfDueAsync(consultationId), new DateTimeOffset(closesAt, TimeSpan.Zero));

    [AutomaticRetry(Attempts = 5)]
    public async Task CloseIfDueAsync(Guid consultationId)
    {
        var now = clock.UtcNow();
        // The close and its entry in the audit trail (by no one: the service) are one unit.
        var closed = await TransactionPerWrite.RunAsync(db, async () =>
        {
            var updated = await db.Consultations
                .Where(c => c.Id == consultationId)
                .Where(ConsultationSchedule.DueAt(now))
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.ClosedAt, c => c.ClosesAt));
            if (updated == 0)
                return false;
            var deadline = await db.Consultations.Where(c => c.Id == consultationId).Select(c => c.ClosesAt).FirstAsync();
            db.ConsultationEvents.Add(ConsultationEvents.Of(consultationId, ConsultationAction.Closed, by: null, now,
                after: ConsultationEvents.Instant(deadline)));
            await db.SaveChangesAsync();
            return true;
        });
        if (!closed)
            return;
        logger.LogInformation("Consultation {ConsultationId} closed at its deadline.", consultationId);
        await analyses.RequestAsync(consultationId);
    }

    /// <summary>
    /// Closes whatever is due and re-requests analyses that a restart or a lost in-memory job left
    /// waiting. Runs at start-up and on Jobs:SweepCron.
    /// </summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task SweepAsync() => SweepAsync(TimeSpan.FromMinutes(options.Value.StaleCompileMinutes));

    /// <summary>
    /// At start-up, with in-memory job storage, every waiting analysis counts as lost: its job went
    /// with the process. Jobs kept in the database survive and Hangfire hands them out again, so only
    /// stale ones count, as in the regular sweep: an instance starting beside one that is compiling
    /// must not ask for a second compile.
    /// </summary>
    public Task SweepAfterRestartAsync() => storage is Hangfire.InMemory.InMemoryStorage ? SweepAsync(TimeSpan.Zero) : SweepAsync();

    private async Task SweepAsync(TimeSpan lostAfter)
    {
        var now = clock.UtcNow();
        var due = await db.Consultations.AsNoTracking()
            .Where(ConsultationSchedule.DueAt(now))
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

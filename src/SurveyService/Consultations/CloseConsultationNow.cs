using SurveyService.Analysis;
using SurveyService.Data.Consultations;
using SurveyService.Identity;

namespace SurveyService.Consultations;

internal enum CloseOutcome
{
    Closed,
    Draft,
    NotFound,
}

/// <summary>
/// The Secretariat closes a consultation before its deadline: the same effect as the deadline
/// passing, decided by one conditional update, so it happens once whoever gets there first.
/// </summary>
internal sealed class CloseConsultationNow(SurveyDbContext db, TimeProvider clock, AnalysisQueue analyses, ILogger<CloseConsultationNow> logger)
{
    /// <summary>Closing a closed consultation again changes nothing (and records nothing). By is who closes it.</summary>
    public async Task<CloseOutcome> CloseAsync(StaffMember? by, Guid consultationId)
    {
        var now = clock.UtcNow();
        // The close and its entry in the audit trail are one unit: both happen, or neither.
        var closed = await TransactionPerWrite.RunAsync(db, async () =>
        {
            var updated = await db.Consultations
                .Where(c => c.Id == consultationId)
                .Where(ConsultationSchedule.NotClosed())
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.ClosedAt, c => c.ClosesAt < now ? c.ClosesAt : now));
            if (updated == 0)
                return false;
            db.ConsultationEvents.Add(ConsultationEvents.Of(consultationId, ConsultationAction.Closed, by, now));
            await db.SaveChangesAsync();
            return true;
        });
        if (closed)
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
}

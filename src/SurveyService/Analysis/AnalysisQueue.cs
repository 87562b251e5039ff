using Hangfire;
using SurveyService.Consultations;
using SurveyService.Data.Analyses;

namespace SurveyService.Analysis;

/// <summary>
/// Counts a request to compile, marks the analysis Pending unless a compile runs, and hands the
/// compile to Hangfire; only the consultation's id travels. A request made while a compile runs is
/// not lost: the running compile sees it counted when it ends and leaves the analysis Pending for
/// another (<see cref="AnalysisCompiler"/>).
/// </summary>
internal sealed class AnalysisQueue(SurveyDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task RequestAsync(Guid consultationId)
    {
        var now = clock.UtcNow();
        // One statement: counted and marked together, against whatever the row is when it is written.
        // Two (one for a running compile, one otherwise) would lose a request made as the compile ended.
        if (await CountAsync(consultationId, now) == 0)
        {
            db.Analyses.Add(new Data.Analyses.Analysis { ConsultationId = consultationId, Status = AnalysisStatus.Pending, RequestedAt = now, Requested = 1 });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Another request created it at the same moment, and its compile may have claimed it already: count this one on it.
                db.ChangeTracker.Clear();
                await CountAsync(consultationId, now);
            }
        }
        Enqueue(jobs, consultationId);
    }

    public static void Enqueue(IBackgroundJobClient jobs, Guid consultationId) =>
        jobs.Enqueue<AnalysisCompiler>(compiler => compiler.CompileAsync(consultationId));

    private Task<int> CountAsync(Guid consultationId, DateTime now) =>
        db.Analyses.Where(a => a.ConsultationId == consultationId).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.Requested, a => a.Requested + 1)
            .SetProperty(a => a.RequestedAt, now)
            .SetProperty(a => a.Status, a => a.Status == AnalysisStatus.Running ? AnalysisStatus.Running : AnalysisStatus.Pending));
}

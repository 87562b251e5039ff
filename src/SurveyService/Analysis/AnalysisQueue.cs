using Hangfire;
using SurveyService.Consultations;
using SurveyService.Data.Analyses;

namespace SurveyService.Analysis;

/// <summary>Marks an analysis Pending and hands the compile to Hangfire; only the consultation's id travels.</summary>
internal sealed class AnalysisQueue(SurveyDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task RequestAsync(Guid consultationId)
    {
        var now = clock.UtcNow();
        var updated = await db.Analyses
            .Where(a => a.ConsultationId == consultationId && a.Status != AnalysisStatus.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, AnalysisStatus.Pending).SetProperty(a => a.RequestedAt, now));
        if (updated == 0 && !await db.Analyses.AnyAsync(a => a.ConsultationId == consultationId))
        {
            db.Analyses.Add(new Data.Analyses.Analysis { ConsultationId = consultationId, Status = AnalysisStatus.Pending, RequestedAt = now });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Another request created it at the same moment; that one is Pending too.
                db.ChangeTracker.Clear();
            }
        }
        jobs.Enqueue<AnalysisCompiler>(compiler => compiler.CompileAsync(consultationId));
    }
}

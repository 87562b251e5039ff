using SurveyService.Data.Consultations;

namespace SurveyService.Analysis;

/// <summary>A closed consultation and where its analysis stands.</summary>
internal sealed record ConsultationAnalysis(Consultation Consultation, AnalysisStatusResponse Analysis);

/// <summary>The consultations that have closed (at their deadline or earlier), latest first, each with its analysis' status: the analysts' list.</summary>
internal sealed class ClosedConsultations(SurveyDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ConsultationAnalysis>> ListAsync()
    {
        var now = clock.UtcNow();
        var closed = await db.Consultations.AsNoTracking()
            .Where(c => c.PublishedAt != null && (c.ClosedAt != null || c.ClosesAt <= now))
            .ToListAsync();
        var ids = closed.Select(c => c.Id).ToList();
        var analyses = await db.Analyses.AsNoTracking().Where(a => ids.Contains(a.ConsultationId)).ToDictionaryAsync(a => a.ConsultationId);
        return [.. closed.OrderByDescending(c => c.ClosedAt ?? c.ClosesAt).Select(c => new ConsultationAnalysis(c,
            analyses.TryGetValue(c.Id, out var analysis) ? AnalysisEndpoints.StatusOf(analysis) : AnalysisEndpoints.NotStarted(c.Id)))];
    }
}

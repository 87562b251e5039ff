namespace SurveyService.Analysis;

internal enum CompileRequestOutcome
{
    Requested,
    NotFound,
    NotClosed,
}

/// <summary>An analyst asks for the analysis to be compiled again (after screening); only a closed consultation has one.</summary>
internal sealed class RequestCompile(SurveyDbContext db, AnalysisQueue queue)
{
    public async Task<CompileRequestOutcome> RequestAsync(Guid consultationId)
    {
        var closedAt = await db.Consultations.Where(c => c.Id == consultationId).Select(c => new { c.ClosedAt }).FirstOrDefaultAsync();
        if (closedAt is null)
            return CompileRequestOutcome.NotFound;
        if (closedAt.ClosedAt is null)
            return CompileRequestOutcome.NotClosed;
        await queue.RequestAsync(consultationId);
        return CompileRequestOutcome.Requested;
    }
}

using SurveyService.Data.Analyses;

namespace SurveyService.Analysis;

/// <summary>What asking for a workbook gave: the file with its download name, or why there is none.</summary>
internal abstract record WorkbookOutcome
{
    public sealed record Found(byte[] Content, string ContentDisposition) : WorkbookOutcome;

    public sealed record NoSuchConsultation : WorkbookOutcome;

    /// <summary>Not compiled yet, compiling, or failed: the status says which.</summary>
    public sealed record NotReady(AnalysisStatusResponse Status) : WorkbookOutcome;
}

/// <summary>The compiled workbook of a consultation, whole or one tier's, for the API's download and the analysts' page alike.</summary>
internal sealed class ReadWorkbook(SurveyDbContext db)
{
    public async Task<WorkbookOutcome> ForAsync(Guid consultationId, QuestionTier? tier)
    {
        var title = await db.Consultations.AsNoTracking().Where(c => c.Id == consultationId).Select(c => c.Title).FirstOrDefaultAsync();
        if (title is null)
            return new WorkbookOutcome.NoSuchConsultation();
        var scope = tier?.ToString() ?? AnalysisBuilder.AllScope;
        var content = await db.AnalysisWorkbooks.AsNoTracking().Where(w => w.ConsultationId == consultationId && w.Scope == scope)
            .Select(w => w.Content).FirstOrDefaultAsync();
        return content is null
            ? new WorkbookOutcome.NotReady(await AnalysisEndpoints.ReadStatusAsync(db, consultationId))
            : new WorkbookOutcome.Found(content, DownloadName.ContentDisposition(title, tier));
    }
}

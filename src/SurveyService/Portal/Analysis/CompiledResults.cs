using System.Text.Json;
using SurveyService.Analysis;
using SurveyService.Data.Consultations;

namespace SurveyService.Portal.Analysis;

/// <summary>
/// A consultation's results as last compiled: the summary the compile stored beside the workbooks,
/// so the page shows the very figures the workbook holds (one rule, one home: WeightedShares), never
/// figures of its own. ScreenedSince: an analyst screened an answer after that compile, which the
/// figures will only reflect once compiled again. ThemedSince: the same for an answer tagged with a
/// theme (a tag taken off or a theme removed leaves no date behind, so only tags put on are seen).
/// </summary>
internal sealed record CompiledResults(Consultation Consultation, IReadOnlyList<Question> Questions, AnalysisStatusResponse Status,
    AnalysisSummary? Summary, bool ScreenedSince, bool ThemedSince = false)
{
    /// <summary>The figures of each question, by its id; empty until a compile has stored them.</summary>
    public IReadOnlyDictionary<Guid, QuestionSummary> Figures { get; } =
        Summary?.Questions.ToDictionary(q => q.QuestionId) ?? new Dictionary<Guid, QuestionSummary>();

    /// <summary>The consultation and its results, or null when there is no such consultation.</summary>
    public static async Task<CompiledResults?> ReadAsync(SurveyDbContext db, JsonSerializerOptions json, Guid consultationId)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consultationId);
        if (consultation is null)
            return null;
        var questions = await db.Questions.AsNoTracking().Where(q => q.ConsultationId == consultationId).OrderBy(q => q.Order).ToListAsync();
        var analysis = await db.Analyses.AsNoTracking().FirstOrDefaultAsync(a => a.ConsultationId == consultationId);
        var summary = analysis?.SummaryJson is { } stored ? JsonSerializer.Deserialize<AnalysisSummary>(stored, json) : null;
        var screenedSince = analysis?.GeneratedAt is { } generated
            && await db.ScreeningDecisions.AnyAsync(d => d.ConsultationId == consultationId && d.At > generated);
        var themedSince = analysis?.GeneratedAt is { } compiled
            && await db.AnswerThemes.AnyAsync(t => t.TaggedAt > compiled && db.Themes.Any(theme => theme.Id == t.ThemeId && theme.ConsultationId == consultationId));
        return new CompiledResults(consultation, questions,
            analysis is null ? AnalysisEndpoints.NotStarted(consultationId) : AnalysisEndpoints.StatusOf(analysis), summary, screenedSince, themedSince);
    }
}

using SurveyService.Analysis.Workbook;
using SurveyService.Consultations;
using SurveyService.Data.Analyses;
using SurveyService.Data.Consultations;

namespace SurveyService.Analysis;

/// <summary>The summary and the workbooks, each in a temporary file (removed on dispose) so that no more than one is ever held in memory.</summary>
internal sealed record CompiledAnalysis(AnalysisSummary Summary, IReadOnlyDictionary<string, string> WorkbookFiles) : IDisposable
{
    public void Dispose()
    {
        foreach (var file in WorkbookFiles.Values)
            File.Delete(file);
    }
}

/// <summary>
/// Reads what counts (the latest submitted version of each submission, screened-out answers
/// aside), applies the consultation's weights, and writes the summary and the workbooks: the
/// whole one and one per tier. The same inputs always give the same figures.
/// </summary>
internal static class AnalysisBuilder
{
    public const string AllScope = "All";

    private static readonly QuestionTier?[] Scopes = [null, QuestionTier.MemberStates, QuestionTier.Membership, QuestionTier.Open];

    /// <summary>
    /// Reads the figures and streams the rows in one snapshot (<see cref="ReadSnapshot"/>), so a
    /// screening or a submit made meanwhile is in both or in neither: the Overview never says "0
    /// screened out" above a Screened out sheet that lists one. progress is called between stages
    /// (never while rows stream) with what comes next and the share done; it must write through
    /// another context than db, whose connection holds the snapshot.
    /// </summary>
    public static Task<CompiledAnalysis> BuildAsync(SurveyDbContext db, Guid consultationId, DateTime generatedAt, int maxRowsPerSheet,
        Func<string, int, Task>? progress = null) =>
        ReadSnapshot.RunAsync(db, () => BuildInSnapshotAsync(db, consultationId, generatedAt, maxRowsPerSheet, progress ?? ((_, _) => Task.CompletedTask)));

    private static async Task<CompiledAnalysis> BuildInSnapshotAsync(SurveyDbContext db, Guid consultationId, DateTime generatedAt, int maxRowsPerSheet,
        Func<string, int, Task> progress)
    {
        await progress("Reading answers and computing figures", 5);
        var input = await ReadInputAsync(db, consultationId, generatedAt);
        var workbooks = new Dictionary<string, string>();
        var compiled = new CompiledAnalysis(input.Summary, workbooks);
        try
        {
            for (var i = 0; i < Scopes.Length; i++)
            {
                var scope = Scopes[i];
                await progress($"Writing the {(scope is null ? "whole" : scope.ToString())} workbook", 20 + i * 20);
                var file = Path.GetTempFileName();
                workbooks[scope?.ToString() ?? AllScope] = file;
                await using var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await AnalysisWorkbookWriter.WriteAsync(stream, input, scope, maxRowsPerSheet);
            }
            return compiled;
        }
        catch
        {
            compiled.Dispose();
            throw;
        }
    }

    public static async Task<WorkbookInput> ReadInputAsync(SurveyDbContext db, Guid consultationId, DateTime generatedAt)
    {
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Weights).FirstAsync(c => c.Id == consultationId);
        var questions = await db.Questions.AsNoTracking().Where(q => q.ConsultationId == consultationId).OrderBy(q => q.Order).ToListAsync();
        var weights = CategoryWeights.Of(consultation);
        var rows = new AnswerRows(db, consultationId);

        // A question of a type or tier this version does not know cannot be named in the summary; its answers are counted as unplaced.
        var listed = questions.Where(q => Enum.IsDefined(q.Type) && Enum.IsDefined(q.Tier)).ToList();
        var shares = new WeightedShares(listed, weights);
        await foreach (var (questionId, category, choices, value) in rows.ForFiguresAsync())
            shares.Add(questionId, category, choices, value);
        await foreach (var (questionId, category, theme) in Themes.ThemeRows.ForFiguresAsync(db, rows))
            shares.AddTheme(questionId, category, theme);

        var submitted = db.Submissions.AsNoTracking().Where(s => s.ConsultationId == consultationId && s.LatestSubmittedVersionId != null);
        var respondents = await submitted.Join(db.Entities, s => s.EntityId, e => e.Id, (s, e) => e.Category)
            .GroupBy(category => category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var registered = await db.Entities.AsNoTracking().GroupBy(e => e.Category)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var screenedOut = await rows.Latest().Where(j => !j.Answer.Related).GroupBy(j => j.Question.Tier)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var staff = await db.Users.AsNoTracking().Where(u => u.StaffRole != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync();

        var summary = new AnalysisSummary(consultationId, new DateTimeOffset(generatedAt, TimeSpan.Zero), weights,
            respondents.Values.Sum(), screenedOut.Values.Sum(), shares.Summarize(), shares.Unplaced);
        return new WorkbookInput(consultation, questions, summary, respondents, screenedOut, registered,
            staff.ToDictionary(u => u.Id, u => $"{u.DisplayName} <{u.Email}>"), rows);
    }
}

using System.Diagnostics;
using SurveyService.Analysis;
using SurveyService.Analysis.Workbook;
using SurveyService.Data;

namespace SurveyService.Bench;

/// <summary>The service's own compile path, called as the Hangfire job calls it.</summary>
internal static class CompileRuns
{
    private static readonly DateTime GeneratedAt = new(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// ReadInputAsync, then the whole workbook (every tier) written to a file on disk, so that what
    /// is measured is the writer and the queries it streams from, not a growing MemoryStream.
    /// </summary>
    public static async Task<Outcome> CompileToFileAsync(string database, string title, string output)
    {
        await using var db = BenchDatabase.Open(database);
        var id = await BenchDatabase.ConsultationIdAsync(db, title);
        var clock = Stopwatch.StartNew();
        var input = await AnalysisBuilder.ReadInputAsync(db, id, GeneratedAt);
        var read = clock.Elapsed.TotalSeconds;
        await using (var file = new FileStream(output, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            await AnalysisWorkbookWriter.WriteAsync(file, input, scope: null, XlsxWriter.ExcelMaxRows);
        return new Outcome(new FileInfo(output).Length,
            new Dictionary<string, double> { ["read_input_s"] = read, ["write_s"] = clock.Elapsed.TotalSeconds - read });
    }

    /// <summary>What the job does: BuildAsync, four workbooks (whole and one per tier), each written to a temporary file.</summary>
    public static async Task<Outcome> BuildAllAsync(string database, string title)
    {
        await using var db = BenchDatabase.Open(database);
        var id = await BenchDatabase.ConsultationIdAsync(db, title);
        using var compiled = await AnalysisBuilder.BuildAsync(db, id, GeneratedAt, XlsxWriter.ExcelMaxRows);
        return new Outcome(compiled.WorkbookFiles.Values.Sum(file => new FileInfo(file).Length));
    }

    /// <summary>
    /// Diagnostic: the queries the whole workbook streams from (each text question's answers, the
    /// Responses rows, the screened-out rows), drained without writing anything. The compile's
    /// write time minus this is what the workbook code itself costs.
    /// </summary>
    public static async Task<Outcome> ReadOnlyAsync(string database, string title)
    {
        await using var db = BenchDatabase.Open(database);
        var id = await BenchDatabase.ConsultationIdAsync(db, title);
        var clock = Stopwatch.StartNew();
        var input = await AnalysisBuilder.ReadInputAsync(db, id, GeneratedAt);
        var read = clock.Elapsed.TotalSeconds;
        long characters = 0;
        foreach (var question in input.Summary.Questions.Where(q => q.Type == QuestionType.Text))
            await foreach (var row in input.Rows.ForQuestionAsync(question.QuestionId))
                characters += row.Text?.Length ?? 0;
        var tierQueries = clock.Elapsed.TotalSeconds - read;
        QuestionTier[] tiers = [.. Enum.GetValues<QuestionTier>()];
        await foreach (var row in input.Rows.ForTiersAsync(tiers, related: true))
            characters += row.Text?.Length ?? 0;
        await foreach (var row in input.Rows.ForTiersAsync(tiers, related: false))
            characters += row.Text?.Length ?? 0;
        var responses = clock.Elapsed.TotalSeconds - read - tierQueries;
        return new Outcome(0, new Dictionary<string, double>
        {
            ["read_input_s"] = read, ["text_question_queries_s"] = tierQueries, ["responses_queries_s"] = responses, ["text_chars_millions"] = characters / 1e6,
        });
    }
}

using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Analysis;
using SurveyService.Data.Analyses;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// What a compile meets while it runs and what it reads: a screening or a request to compile made
/// in its middle, and answers stored before today's checks. Here on SQLite; PostgreSqlTests runs
/// the same cases (<see cref="CompileIntegrity"/>) on PostgreSQL.
/// </summary>
public sealed class CompileIntegrityTests
{
    [Fact]
    public async Task ARecompileAskedForDuringACompileFollowsItAndTheReadyAnalysisHasTheScreening()
    {
        await using var app = new SurveyApplication();
        await CompileIntegrity.ARecompileAskedForDuringACompileFollowsItAsync(app);
    }

    [Fact]
    public async Task AScreeningMadeWhileACompileRunsIsInNeitherItsFiguresNorItsRows()
    {
        await using var app = new SurveyApplication();
        await CompileIntegrity.AScreeningMadeWhileACompileRunsIsInNeitherItsFiguresNorItsRowsAsync(app);
    }

    [Fact]
    public async Task AnswersTheCompileCannotPlaceAreReportedAndTheAnalysisIsStillReady()
    {
        await using var app = new SurveyApplication();
        await CompileIntegrity.AnswersTheCompileCannotPlaceAreReportedAsync(app);
    }
}

/// <summary>The cases of <see cref="CompileIntegrityTests"/>, each on an application of the caller's provider.</summary>
public static class CompileIntegrity
{
    public static async Task ARecompileAskedForDuringACompileFollowsItAsync(SurveyApplication app)
    {
        var held = new CompileHeldAtTheRows();
        held.Register(app);
        var analyst = await app.AsAnalystAsync();
        var closed = await app.CloseWithAnswersAsync(2);
        await held.ReachedAsync();
        try
        {
            await ScreenOutAsync(analyst, closed, "answer 1");
            await (await analyst.PostAsync($"/api/consultations/{closed.Id}/analysis", null)).ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);
        }
        finally
        {
            held.Release();
        }

        var analysis = await analyst.WaitForAnalysisAsync(closed.Id);
        var summary = await (await analyst.GetAsync($"/api/consultations/{closed.Id}/analysis/summary")).ReadAsAsync<AnalysisSummary>();
        Assert.Equal(2, analysis.Attempts);
        Assert.Equal(1, summary.ScreenedOut);
        Assert.Equal(1, summary.Questions.Single(q => q.Code == "3a").Respondents.Total);
        var (workbook, _) = await analyst.DownloadWorkbookAsync(closed.Id);
        using var _ = workbook;
        Assert.Contains("1 answers screened out", CompiledFrom(workbook));
        Assert.Equal(["answer 1"], ScreenedOutAnswers(workbook));
        Assert.Equal(["answer 0"], ResponsesTexts(workbook));
    }

    public static async Task AScreeningMadeWhileACompileRunsIsInNeitherItsFiguresNorItsRowsAsync(SurveyApplication app)
    {
        var held = new CompileHeldAtTheRows();
        held.Register(app);
        var analyst = await app.AsAnalystAsync();
        var closed = await app.CloseWithAnswersAsync(2);
        await held.ReachedAsync();
        try
        {
            // Committed after the figures were read and before a single row is: a writer is not kept waiting by the compile.
            await ScreenOutAsync(analyst, closed, "answer 1");
        }
        finally
        {
            held.Release();
        }

        await analyst.WaitForAnalysisAsync(closed.Id);
        var summary = await (await analyst.GetAsync($"/api/consultations/{closed.Id}/analysis/summary")).ReadAsAsync<AnalysisSummary>();
        var (workbook, _) = await analyst.DownloadWorkbookAsync(closed.Id);
        using var _ = workbook;
        // The compile read the answers as they were when it began, its rows as well as its figures.
        Assert.Equal(0, summary.ScreenedOut);
        Assert.Contains("0 answers screened out", CompiledFrom(workbook));
        Assert.Empty(ScreenedOutAnswers(workbook));
        Assert.Equal(["answer 0", "answer 1"], ResponsesTexts(workbook).Order());
        var screened = await (await analyst.GetAsync($"/api/consultations/{closed.Id}/answers?related=false")).ReadAsAsync<AnswerPage>();
        Assert.Equal(1, screened.Total);
    }

    public static async Task AnswersTheCompileCannotPlaceAreReportedAsync(SurveyApplication app)
    {
        var analyst = await app.AsAnalystAsync();
        var closed = await app.CloseWithAnswersAsync(3, answers: (q, i) =>
        [
            new { questionId = q["2a"], choices = new[] { i == 1 ? "No" : "Yes" } },
            new { questionId = q["3b"], choices = new[] { "A" } },
            new { questionId = q["3c"], value = 3 },
        ], questions: ConsultationSetup.EveryType);
        await analyst.WaitForAnalysisAsync(closed.Id);
        await StoreWhatTodaysChecksRefuseAsync(app, closed);

        await (await analyst.PostAsync($"/api/consultations/{closed.Id}/analysis", null)).ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);
        await analyst.WaitForAnalysisAsync(closed.Id);

        var json = await analyst.GetStringAsync($"/api/consultations/{closed.Id}/analysis/summary");
        Assert.Contains("\"reason\":\"NotAnOption\"", json);
        var summary = await (await analyst.GetAsync($"/api/consultations/{closed.Id}/analysis/summary")).ReadAsAsync<AnalysisSummary>();
        Assert.Equal(6, summary.Unplaced);
        var choice = summary.Questions.Single(q => q.Code == "2a");
        Assert.Equal([new(UnplacedReason.NoWeight, 1), new(UnplacedReason.NotAnOption, 1)], choice.Unplaced);
        Assert.Equal(1, choice.Respondents.Total);
        Assert.Equal(1.0, choice.Options.Single(o => o.Option == "No").Share);
        var scale = summary.Questions.Single(q => q.Code == "3c");
        Assert.Equal([new(UnplacedReason.NoWeight, 1), new(UnplacedReason.UnusableScale, 2)], scale.Unplaced);
        Assert.Empty(scale.Options);

        var (workbook, _) = await analyst.DownloadWorkbookAsync(closed.Id);
        using var _ = workbook;
        Assert.Contains("6 answers that could not be placed", CompiledFrom(workbook));
        Assert.Equal(
            [
                ("2a", AnswerPlacement.Describe(UnplacedReason.NoWeight), 1), ("2a", AnswerPlacement.Describe(UnplacedReason.NotAnOption), 1),
                ("3b", AnswerPlacement.Describe(UnplacedReason.NoWeight), 1),
                ("3c", AnswerPlacement.Describe(UnplacedReason.NoWeight), 1), ("3c", AnswerPlacement.Describe(UnplacedReason.UnusableScale), 2),
            ],
            NotInTheFigures(workbook.Worksheet("Overview")));
        var membership = workbook.Worksheet("ii Membership");
        var notAnOption = membership.RowsUsed().Single(r => r.Cell(1).GetString() == "not placed: " + AnswerPlacement.Describe(UnplacedReason.NotAnOption));
        Assert.Equal(1, notAnOption.Cell(7).GetDouble());
        var notes = workbook.Worksheet("Responses").RowsUsed().Select(r => r.Cell(11).GetString()).Where(n => n.StartsWith("Not in the figures", StringComparison.Ordinal));
        Assert.Equal(6, notes.Count());
    }

    /// <summary>
    /// Written past the API, as a version before today's validation could have stored them: a scale
    /// whose bounds span every integer, a choice that is no option, and an entity of a category this
    /// version has no weight for.
    /// </summary>
    private static async Task StoreWhatTodaysChecksRefuseAsync(SurveyApplication app, ClosedWithAnswers closed)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
        await db.Questions.Where(q => q.Id == closed.Questions["3c"])
            .ExecuteUpdateAsync(set => set.SetProperty(q => q.ScaleMin, int.MinValue).SetProperty(q => q.ScaleMax, int.MaxValue));
        var first = closed.Respondents[0].EntityId;
        var choice = await (
            from s in db.Submissions
            where s.ConsultationId == closed.Id && s.EntityId == first
            join a in db.SubmittedAnswers on s.LatestSubmittedVersionId equals a.SubmittedVersionId
            where a.QuestionId == closed.Questions["2a"]
            select a.Id).SingleAsync();
        await db.SubmittedAnswers.Where(a => a.Id == choice).ExecuteUpdateAsync(set => set.SetProperty(a => a.Choices, new List<string> { "Maybe" }));
        await db.Entities.Where(e => e.Id == closed.Respondents[2].EntityId)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Category, (RespondentCategory)42));
    }

    private static async Task ScreenOutAsync(HttpClient analyst, ClosedWithAnswers closed, string text)
    {
        var answers = await (await analyst.GetAsync($"/api/consultations/{closed.Id}/answers?questionId={closed.Questions["3a"]}")).ReadAsAsync<AnswerPage>();
        var answer = answers.Items.Single(a => a.Text == text);
        (await analyst.PutAsJsonAsync($"/api/consultations/{closed.Id}/answers/{answer.Id}/screening", new { related = false, reason = "Off topic" }))
            .EnsureSuccessStatusCode();
    }

    private static string CompiledFrom(XLWorkbook workbook) =>
        workbook.Worksheet("Overview").CellsUsed().Single(c => c.GetString() == "Compiled from").CellRight().GetString();

    private static string[] ScreenedOutAnswers(XLWorkbook workbook) =>
        [.. workbook.Worksheet("Screened out").RowsUsed().Skip(1).Select(r => r.Cell(9).GetString())];

    private static string[] ResponsesTexts(XLWorkbook workbook) =>
        [.. workbook.Worksheet("Responses").Tables.Single().DataRange.Rows().Select(r => r.Cell(12).GetString())];

    private static (string Code, string Why, int Answers)[] NotInTheFigures(IXLWorksheet overview)
    {
        var header = overview.CellsUsed().Single(c => c.GetString() == "Not in the figures").Address.RowNumber;
        return [.. Enumerable.Range(header + 1, 100).Select(overview.Row).TakeWhile(r => !r.Cell(1).IsEmpty())
            .Select(r => (r.Cell(1).GetString(), r.Cell(2).GetString(), (int)r.Cell(3).GetDouble()))];
    }
}

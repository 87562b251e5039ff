using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Analysis;
using SurveyService.Data.Analyses;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// What a compile meets in what it reads: answers stored before today's checks. Here on SQLite; PostgreSqlTests runs
/// the same cases (<see cref="CompileIntegrity"/>) on PostgreSQL.
/// </summary>
public sealed class CompileIntegrityTests
{
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

    private static string CompiledFrom(XLWorkbook workbook) =>
        workbook.Worksheet("Overview").CellsUsed().Single(c => c.GetString() == "Compiled from").CellRight().GetString();

    private static (string Code, string Why, int Answers)[] NotInTheFigures(IXLWorksheet overview)
    {
        var header = overview.CellsUsed().Single(c => c.GetString() == "Not in the figures").Address.RowNumber;
        return [.. Enumerable.Range(header + 1, 100).Select(overview.Row).TakeWhile(r => !r.Cell(1).IsEmpty())
            .Select(r => (r.Cell(1).GetString(), r.Cell(2).GetString(), (int)r.Cell(3).GetDouble()))];
    }
}

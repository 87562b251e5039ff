using System.Net.Http.Headers;
using SurveyService.Analysis;
using SurveyService.Data.Analyses;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>Who may read and change an analysis, and the answers that bad requests get.</summary>
public sealed class AnalysisAccessTests
{
    /// <summary>Each submission answers 3a with a text and 3c with a value.</summary>
    private static async Task<(SurveyApplication App, Guid Id)> ClosedAsync(int submissions, Action<SurveyApplication>? configure = null)
    {
        var app = new SurveyApplication();
        configure?.Invoke(app);
        var closed = await app.CloseWithAnswersAsync(submissions, questions: ConsultationSetup.EveryType,
            answers: (q, i) => [new { questionId = q["3a"], text = $"answer {i}" }, new { questionId = q["3c"], value = 1 + i % 5 }]);
        return (app, closed.Id);
    }

    [Fact]
    public async Task OnlyAnalystsDownloadScreenAndRecompile()
    {
        var (app, id) = await ClosedAsync(1);
        await using var _app = app;
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var secretariat = await app.AsSecretariatAsync();
        var analyst = await app.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(id);

        foreach (var path in new[] { "analysis/workbook", "analysis/summary", "answers" })
        {
            await (await respondent.Client.GetAsync($"/api/consultations/{id}/{path}")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await secretariat.GetAsync($"/api/consultations/{id}/{path}")).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/consultations/{id}/{path}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/api/consultations/{id}/analysis")).StatusCode);
        await (await respondent.Client.GetAsync($"/api/consultations/{id}/analysis")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await secretariat.PostAsync($"/api/consultations/{id}/analysis", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BadAnalysisRequestsGetClearAnswers()
    {
        var (app, id) = await ClosedAsync(1);
        await using var _app = app;
        var analyst = await app.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(id);

        await (await analyst.GetAsync($"/api/consultations/{id}/analysis/workbook?tier=Everyone")).AssertValidationErrorAsync("tier");
        await (await analyst.GetAsync($"/api/consultations/{id}/answers?pageSize=501")).AssertValidationErrorAsync("pageSize");
        await (await analyst.GetAsync($"/api/consultations/{id}/answers?page=0")).AssertValidationErrorAsync("page");
        await (await analyst.GetAsync($"/api/consultations/{Guid.NewGuid()}/analysis/workbook")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await analyst.PutAsJsonAsync($"/api/consultations/{id}/answers/{Guid.NewGuid()}/screening", new { related = false, reason = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var answer = (await (await analyst.GetAsync($"/api/consultations/{id}/answers")).ReadAsAsync<AnswerPage>()).Items[0].Id;
        await (await analyst.PutAsJsonAsync($"/api/consultations/{id}/answers/{answer}/screening", new { related = false }))
            .AssertValidationErrorAsync("reason");
        await (await analyst.PutAsJsonAsync($"/api/consultations/{id}/answers/{answer}/screening", new { reason = "x" }))
            .AssertValidationErrorAsync("related");
    }

    [Fact]
    public async Task OpenConsultationHasNoAnalysisYet()
    {
        await using var app = new SurveyApplication();
        var id = await app.CreateConsultationAsync();
        var analyst = await app.AsAnalystAsync();

        Assert.Equal(AnalysisStatus.NotStarted, (await (await analyst.GetAsync($"/api/consultations/{id}/analysis")).ReadAsAsync<AnalysisStatusResponse>()).Status);
        await (await analyst.GetAsync($"/api/consultations/{id}/analysis/workbook")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await analyst.PostAsync($"/api/consultations/{id}/analysis", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnswersArePagedAndScreeningIsReversible()
    {
        var (app, id) = await ClosedAsync(3);
        await using var _app = app;
        var analyst = await app.AsAnalystAsync();

        var first = await (await analyst.GetAsync($"/api/consultations/{id}/answers?page=1&pageSize=4")).ReadAsAsync<AnswerPage>();
        var second = await (await analyst.GetAsync($"/api/consultations/{id}/answers?page=2&pageSize=4")).ReadAsAsync<AnswerPage>();
        Assert.Equal(6, first.Total);
        Assert.Equal(4, first.Items.Length);
        Assert.Equal(2, second.Items.Length);
        var item = first.Items[0];
        Assert.Equal("3a", item.QuestionCode);
        Assert.Equal(1.0m, item.Weight);

        var answer = item.Id;
        (await analyst.PutAsJsonAsync($"/api/consultations/{id}/answers/{answer}/screening", new { related = false, reason = "Off topic" })).EnsureSuccessStatusCode();
        var screened = await (await analyst.GetAsync($"/api/consultations/{id}/answers?related=false")).ReadAsAsync<AnswerPage>();
        Assert.Equal("Off topic", Assert.Single(screened.Items).ScreeningReason);
        (await analyst.PutAsJsonAsync($"/api/consultations/{id}/answers/{answer}/screening", new { related = true })).EnsureSuccessStatusCode();
        Assert.Equal(0, (await (await analyst.GetAsync($"/api/consultations/{id}/answers?related=false")).ReadAsAsync<AnswerPage>()).Total);
    }

    [Fact]
    public async Task SheetsContinueOnANextSheetAtTheRowLimit()
    {
        var (app, id) = await ClosedAsync(12, a => a.Settings["Analysis:MaxRowsPerSheet"] = "10");
        await using var _app = app;
        var analyst = await app.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(id);

        var (workbook, _) = await analyst.DownloadWorkbookAsync(id);
        using var _ = workbook;
        var responses = workbook.Worksheets.Where(s => s.Name.StartsWith("Responses", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["Responses", "Responses (2)", "Responses (3)"], responses.Select(s => s.Name));
        Assert.All(workbook.Worksheets.Where(s => s.Name != "Overview"),
            s => Assert.True(s.LastRowUsed()?.RowNumber() is null or <= 10, $"{s.Name} has more than 10 rows"));
        Assert.Contains(workbook.Worksheets, s => s.Name == "iii Open (2)");
        Assert.Equal(24, responses.Sum(s => s.Tables.Single().DataRange.RowCount()));
        Assert.All(responses, s => Assert.Equal("Entity", s.Cell(1, 1).GetString()));
    }

    [Fact]
    public async Task JobsDashboardIsForStaffOnly()
    {
        await using var app = new SurveyApplication();
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var analyst = await app.AsAnalystAsync();
        using var anonymous = app.CreateHttpsClient();

        var toSignIn = await anonymous.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Fhangfire", toSignIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await respondent.Client.GetAsync("/hangfire")).StatusCode);
        var dashboard = await analyst.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("SurveyService jobs", await dashboard.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAnswerIsScreenedOnlyThroughItsOwnConsultation()
    {
        var (app, id) = await ClosedAsync(1);
        await using var _app = app;
        var another = await app.CreateConsultationAsync(ConsultationSetup.EveryType);
        var analyst = await app.AsAnalystAsync();
        var answer = (await (await analyst.GetAsync($"/api/consultations/{id}/answers")).ReadAsAsync<AnswerPage>()).Items[0];

        await (await analyst.PutAsJsonAsync($"/api/consultations/{another}/answers/{answer.Id}/screening", new { related = false, reason = "Off topic" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        var screenedOut = await (await analyst.GetAsync($"/api/consultations/{id}/answers?related=false")).ReadAsAsync<AnswerPage>();
        Assert.Equal(0, screenedOut.Total);
    }
}

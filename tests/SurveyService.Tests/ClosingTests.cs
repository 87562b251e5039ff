using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using SurveyService.Analysis;
using SurveyService.Analysis.Workbook;
using SurveyService.Consultations;
using SurveyService.Data.Analyses;
using SurveyService.Jobs;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>Closing at the deadline, by the server's clock, through restarts and moved deadlines. Each test moves time, so each has its own application.</summary>
public sealed class ClosingTests
{
    [Fact]
    public async Task ExtendedDeadlineDoesNotCloseEarlyAndClosesAtTheNewTime()
    {
        await using var app = new SurveyApplication();
        var id = await app.CreateConsultationAsync();
        var oldDeadline = (await (await app.CreateHttpsClient().GetAsync($"/api/consultations/{id}")).ReadAsAsync<ConsultationResponse>()).ClosesAt;
        var newDeadline = oldDeadline.AddDays(10);
        (await (await app.AsSecretariatAsync()).PatchAsJsonAsync($"/api/consultations/{id}", new { closesAt = newDeadline, reason = "Asked by members" })).EnsureSuccessStatusCode();

        app.Clock.SetUtcNow(oldDeadline.AddMinutes(5));
        await app.RunJobAsync<ConsultationCloser>(closer => closer.CloseIfDueAsync(id)); // the job scheduled for the old deadline
        await app.RunJobAsync<ConsultationCloser>(closer => closer.SweepAsync());
        var staff = await app.AsSecretariatAsync();

        Assert.Equal(ConsultationStatus.Open, await staff.StatusAsync(id));
        Assert.Equal(AnalysisStatus.NotStarted, (await (await staff.GetAsync($"/api/consultations/{id}/analysis")).ReadAsAsync<AnalysisStatusResponse>()).Status);
        var respondent = await app.AsRespondentAsync(RespondentCategory.Stakeholder);
        var q = await app.QuestionIdsAsync(id);
        (await respondent.Client.SaveAsync(id, [new { questionId = q["3a"], text = "still in time" }])).EnsureSuccessStatusCode();

        app.Clock.SetUtcNow(newDeadline.AddSeconds(1));
        app.TriggerSweep();
        staff = await app.AsSecretariatAsync();
        await staff.WaitForAnalysisAsync(id);
        Assert.Equal(ConsultationStatus.Closed, await staff.StatusAsync(id));
        var closedAt = (await (await staff.GetAsync($"/api/consultations/{id}")).ReadAsAsync<ConsultationResponse>()).ClosedAt;
        Assert.Equal(newDeadline, closedAt);
    }

    [Fact]
    public async Task RestartBetweenTheDeadlineAndTheCloseStillCloses()
    {
        var directory = Path.Combine(Path.GetTempPath(), "survey-tests", Guid.NewGuid().ToString("N"));
        Guid id;
        DateTimeOffset deadline;
        await using (var before = new SurveyApplication())
        {
            before.Settings["Database:DataDirectory"] = directory;
            Directory.CreateDirectory(directory);
            id = await before.CreateConsultationAsync();
            deadline = (await (await before.CreateHttpsClient().GetAsync($"/api/consultations/{id}")).ReadAsAsync<ConsultationResponse>()).ClosesAt;
            var respondent = await before.AsRespondentAsync(RespondentCategory.MemberState);
            var q = await before.QuestionIdsAsync(id);
            (await respondent.Client.SaveAsync(id, [new { questionId = q["2a"], choices = new[] { "Yes" } }])).EnsureSuccessStatusCode();
            (await respondent.Client.SubmitAsync(id)).EnsureSuccessStatusCode();
        }

        // Down over the deadline; in-memory jobs are gone. The start-up sweep must close it before any request is served.
        await using var after = new SurveyApplication();
        after.Settings["Database:DataDirectory"] = directory;
        after.Clock.SetUtcNow(deadline.AddHours(3));
        using var anonymous = after.CreateHttpsClient();

        Assert.Equal(ConsultationStatus.Closed, await anonymous.StatusAsync(id));
        var analyst = await after.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(id);
        var summary = await (await analyst.GetAsync($"/api/consultations/{id}/analysis/summary")).ReadAsAsync<AnalysisSummary>();
        Assert.Equal(1, summary.Submissions);
    }

    [Fact]
    public async Task SecretariatClosesNowAndNothingMoreIsAccepted()
    {
        await using var app = new SurveyApplication();
        var id = await app.CreateConsultationAsync();
        var q = await app.QuestionIdsAsync(id);
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        (await respondent.Client.SaveAsync(id, [new { questionId = q["3a"], text = "before" }])).EnsureSuccessStatusCode();
        var secretariat = await app.AsSecretariatAsync();

        await (await respondent.Client.PostAsync($"/api/consultations/{id}/close", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await secretariat.PostAsync($"/api/consultations/{id}/close", null)).ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);
        await (await secretariat.PostAsync($"/api/consultations/{id}/close", null)).ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);

        Assert.Equal(ConsultationStatus.Closed, await secretariat.StatusAsync(id));
        await (await respondent.Client.SaveAsync(id, [new { questionId = q["3a"], text = "after" }], "\"1\"")).AssertProblemAsync(HttpStatusCode.Conflict);
        var analysis = await secretariat.WaitForAnalysisAsync(id);
        Assert.Equal(0, (await (await (await app.AsAnalystAsync()).GetAsync($"/api/consultations/{id}/analysis/summary")).ReadAsAsync<AnalysisSummary>()).Submissions);
        Assert.Equal(1, analysis.Attempts);
    }

    [Fact]
    public async Task DraftCannotBeClosed()
    {
        await using var app = new SurveyApplication();
        var id = await app.CreateConsultationAsync(publish: false);

        await (await (await app.AsSecretariatAsync()).PostAsync($"/api/consultations/{id}/close", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CompilingAgainReplacesTheResultAndNeverDuplicatesIt()
    {
        await using var app = new SurveyApplication();
        var id = (await app.CloseWithAnswersAsync(category: RespondentCategory.SectorMember,
            answers: (q, _) => [new { questionId = q["2a"], choices = new[] { "No" } }])).Id;
        var analyst = await app.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(id);
        var first = await (await analyst.GetAsync($"/api/consultations/{id}/analysis/summary")).ReadAsAsync<AnalysisSummary>();
        var attempts = (await analyst.WaitForAnalysisAsync(id)).Attempts;

        await app.RunJobAsync<AnalysisCompiler>(c => c.CompileAsync(id)); // a duplicate delivery: nothing to claim
        Assert.Equal(attempts, (await analyst.WaitForAnalysisAsync(id)).Attempts);

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 2; i++)
            await (await analyst.PostAsync($"/api/consultations/{id}/analysis", null)).ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);
        await analyst.WaitForAnalysisAsync(id);
        await Task.Delay(500);
        await analyst.WaitForAnalysisAsync(id);

        // The recompile replaced the first result: compiled later, the same figures, and the workbook is the recompile's own.
        var again = await (await analyst.GetAsync($"/api/consultations/{id}/analysis/summary")).ReadAsAsync<AnalysisSummary>();
        Assert.True(again.GeneratedAt > first.GeneratedAt, $"Compiled again at {again.GeneratedAt}, first at {first.GeneratedAt}.");
        Assert.Equal(JsonSerializer.Serialize(first.Questions), JsonSerializer.Serialize(again.Questions));
        var (workbook, _) = await analyst.DownloadWorkbookAsync(id);
        using var _ = workbook;
        var overview = workbook.Worksheet("Overview");
        var compiled = overview.CellsUsed().Single(c => c.GetString() == "Compiled").CellRight().GetDateTime();
        Assert.Equal(again.GeneratedAt.UtcDateTime, compiled, TimeSpan.FromSeconds(1));
    }
}

public sealed class TokenPruningTests
{
    [Fact]
    public async Task PruningJobRemovesRevokedTokensOnceOldAndKeepsLiveOnes()
    {
        await using var app = new SurveyApplication();
        await app.RequestTokenAsync(SurveyApplication.SecretariatEmail, SurveyApplication.Password);
        var revoked = await CountAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<OpenIddict.Abstractions.IOpenIddictTokenManager>();
            await foreach (var token in manager.ListAsync())
                await manager.TryRevokeAsync(token);
        }

        app.Clock.Advance(TimeSpan.FromDays(60));
        await app.RequestTokenAsync(SurveyApplication.SecretariatEmail, SurveyApplication.Password);
        var live = await CountAsync(app) - revoked;
        await app.RunJobAsync<SurveyService.Identity.TokenPruning>(p => p.PruneAsync());

        Assert.True(revoked > 0 && live > 0);
        Assert.Equal(live, await CountAsync(app));
    }

    private static async Task<int> CountAsync(SurveyApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyDbContext>()
            .Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>().CountAsync();
    }
}

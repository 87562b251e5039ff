using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SurveyService.Analysis;
using SurveyService.Data.Analyses;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// Two instances of the service behind a load balancer, on one PostgreSQL database and one
/// Hangfire storage: what one does, the other sees and honours.
/// </summary>
public sealed class TwoInstancesTests
{
    /// <summary>
    /// A first deployment: both instances migrate, install the job tables, create the bootstrap
    /// account, the OpenID clients, the demo and the first data-protection key, at the same moment.
    /// </summary>
    [SkippableFact]
    public async Task TwoInstancesStartingTogetherOnAnEmptyDatabaseBothServe()
    {
        await using var instances = new TwoInstances();
        foreach (var app in instances.Both)
            app.Settings["Demo:Enabled"] = "true";

        await instances.StartAsync();

        foreach (var app in instances.Both)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.CreateHttpsClient().GetAsync("/health")).StatusCode);
            await app.AsSecretariatAsync();
            using var _ = await new PortalBrowser(app).SignInWithCookieAsync(SurveyApplication.SecretariatEmail, SurveyApplication.Password);
        }
        Assert.Equal(1, await instances.ReadAsync(db => db.Users.CountAsync(u => u.Email == SurveyApplication.SecretariatEmail)));
        Assert.Equal(1, await instances.ReadAsync(db => db.Consultations.CountAsync()));
        Assert.Equal(1, await instances.ReadAsync(db => db.DataProtectionKeys.CountAsync()));
    }

    /// <summary>
    /// The compile is held on whichever instance takes it, just before it writes its results, and
    /// that instance is stopped. Once the claim is stale by the clock, the job Hangfire gives up on
    /// for the stopped instance (no heartbeat keeps it hidden any more) is run by the other one,
    /// which finishes the analysis. The sweep is kept from running, so only that path can finish it.
    /// </summary>
    [SkippableFact]
    public async Task ACompileOnAnInstanceThatIsStoppedIsFinishedByTheOther()
    {
        await using var instances = new TwoInstances();
        using var hold = new CompileHeld();
        foreach (var app in instances.Both)
        {
            app.Settings["Jobs:InvisibilityTimeoutSeconds"] = "5";
            app.Settings["Jobs:QueuePollSeconds"] = "1";
            app.Settings["Jobs:SweepCron"] = "0 0 1 1 *";
            hold.On(app);
            // A stop does not wait long for the held compile: it is left running, as a killed process leaves it.
            app.TestServices += services => services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(1));
        }
        await instances.StartAsync();
        var consultation = await instances.A.CreateConsultationAsync(ConsultationSetup.EveryType);
        var q = await instances.A.QuestionIdsAsync(consultation);
        foreach (var (app, value) in new[] { (instances.A, 2), (instances.B, 5) })
        {
            var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
            (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3c"], value }])).EnsureSuccessStatusCode();
            (await respondent.Client.SubmitAsync(consultation)).EnsureSuccessStatusCode();
        }
        await (await (await instances.A.AsSecretariatAsync()).PostAsync($"/api/consultations/{consultation}/close", null))
            .ReadAsAsync<AnalysisStatusResponse>(HttpStatusCode.Accepted);

        var stopped = await hold.HolderAsync();
        var other = stopped == instances.A ? instances.B : instances.A;
        var analyst = await other.AsAnalystAsync();
        Assert.Equal(AnalysisStatus.Running, (await analyst.WaitForAnalysisAsync(consultation, AnalysisStatus.Running)).Status);
        // Past Jobs:StaleCompileMinutes before the stop: the job may come back to the other instance
        // while the stop is still being finished, and must find the claim stale by then.
        instances.Clock.Advance(TimeSpan.FromMinutes(31));
        await stopped.DisposeAsync();

        var analysis = await analyst.WaitForAnalysisAsync(consultation);
        Assert.Equal(2, analysis.Attempts);
        var summary = await (await analyst.GetAsync($"/api/consultations/{consultation}/analysis/summary")).ReadAsAsync<AnalysisSummary>();
        Assert.Equal(2, summary.Submissions);
        var (workbook, _) = await analyst.DownloadWorkbookAsync(consultation);
        workbook.Dispose();
    }
}

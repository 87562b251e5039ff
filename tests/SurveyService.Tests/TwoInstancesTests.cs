using System.Collections.Concurrent;
using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SurveyService.Accounts;
using SurveyService.Analysis;
using SurveyService.Consultations;
using SurveyService.Data.Analyses;
using SurveyService.Data.Submissions;
using SurveyService.Jobs;
using SurveyService.Submissions;
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

    [SkippableFact]
    public async Task TokensAndThePortalCookieOfOneInstanceAreAcceptedByTheOther()
    {
        await using var instances = new TwoInstances();
        await instances.StartAsync();
        var (a, b) = (instances.A, instances.B);
        var consultation = await a.CreateConsultationAsync();
        var respondent = await a.AsRespondentAsync(RespondentCategory.Associate);

        // An access token from A, on B; a refresh token from A, redeemed on B, its access token on A.
        using var onB = b.CreateHttpsClient();
        onB.DefaultRequestHeaders.Authorization = respondent.Client.DefaultRequestHeaders.Authorization;
        Assert.Equal(["2a", "3a"], await onB.QuestionCodesAsync(consultation));
        var issued = await a.RequestTokenAsync(respondent.Email, SurveyApplication.Password);
        var refreshed = await TokenResponse.ReadAsync(await onB.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "survey-cli",
            ["refresh_token"] = issued.RefreshToken!,
        })));
        Assert.True(refreshed.Succeeded, $"{refreshed.Error}: {refreshed.ErrorDescription}");
        using var onA = a.CreateHttpsClient();
        onA.DefaultRequestHeaders.Authorization = new("Bearer", refreshed.AccessToken);
        Assert.Equal(["2a", "3a"], await onA.QuestionCodesAsync(consultation));

        // The portal's sign-in page from A posted to B, and B's cookie read by A.
        using var browser = await new PortalBrowser(a, b).SignInWithCookieAsync(respondent.Email, SurveyApplication.Password);
        Assert.Equal(["2a", "3a"], await browser.QuestionCodesAsync(consultation));

        // The authorization-code flow with every step on the other instance than the one before.
        var portal = await new PortalBrowser(a, b).SignInAsync(respondent.Email, SurveyApplication.Password);
        Assert.True(portal.Succeeded, $"{portal.Error}: {portal.ErrorDescription}");
        onB.DefaultRequestHeaders.Authorization = new("Bearer", portal.AccessToken);
        Assert.Equal(["2a", "3a"], await onB.QuestionCodesAsync(consultation));
    }

    /// <summary>
    /// 40 focal points of 20 entities, one of each entity's two on each instance, read, save and
    /// submit at once, trying again when the other got there first. Every save and submit that was
    /// acknowledged is in the database, as the change of the version it answered with, and every
    /// receipt names a kept version holding exactly the answers its focal point saved.
    /// </summary>
    [SkippableFact]
    public async Task ARushOverBothInstancesLosesNoAcknowledgedSaveOrSubmit()
    {
        await using var instances = new TwoInstances();
        await instances.StartAsync();
        var consultation = await instances.A.CreateConsultationAsync(ConsultationSetup.EveryType);
        var q = await instances.A.QuestionIdsAsync(consultation);
        var focalPoints = await FocalPointsOnBothAsync(instances, entities: 20);
        var acknowledged = new ConcurrentBag<Acknowledged>();

        await Task.WhenAll(focalPoints.Select((focalPoint, n) => Task.Run(() => SaveAndSubmitAsync(focalPoint, n))));

        async Task SaveAndSubmitAsync(Respondent focalPoint, int n)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var read = await focalPoint.Client.GetAsync(SubmissionCalls.Path(consultation));
                var etag = read.StatusCode == HttpStatusCode.NotFound ? null : read.Headers.ETag!.ToString();
                var (text, value) = ($"focal point {n}, try {attempt}", 1 + n % 5);
                var saved = await focalPoint.Client.SaveAsync(consultation, [new { questionId = q["3a"], text }, new { questionId = q["3c"], value }], etag);
                if (saved.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict or HttpStatusCode.PreconditionRequired)
                    continue;
                await saved.ReadAsAsync<SubmissionResponse>();
                acknowledged.Add(new(focalPoint.EntityId, Version(saved), null, text, value));
                var submitted = await focalPoint.Client.SubmitAsync(consultation, saved.Headers.ETag!.ToString());
                if (submitted.StatusCode == HttpStatusCode.PreconditionFailed)
                    continue;
                var receipt = (await submitted.ReadAsAsync<SubmitResponse>()).Receipt;
                acknowledged.Add(new(focalPoint.EntityId, Version(submitted), receipt, text, value));
                return;
            }
            Assert.Fail($"Focal point {n} never got its answers submitted.");
        }

        var kept = await instances.ReadAsync(async db => await db.Submissions.AsNoTracking()
            .Where(s => s.ConsultationId == consultation)
            .Select(s => new
            {
                s.EntityId, s.Version, s.LatestSubmittedVersionId,
                Changes = db.SubmissionEvents.Where(e => e.SubmissionId == s.Id).Select(e => new { e.Version, e.Action, e.SubmittedVersionId }).ToList(),
                Submitted = db.SubmittedVersions.Where(v => v.SubmissionId == s.Id)
                    .Select(v => new { v.Id, v.Number, v.Digest, v.Answers })
                    .ToList(),
            })
            .ToListAsync());
        Assert.Equal(20, kept.Count);
        foreach (var submission in kept)
        {
            var mine = acknowledged.Where(x => x.Entity == submission.EntityId).ToList();
            // Each acknowledged change made one version, no two the same one, and nothing else changed it.
            Assert.Equal(Enumerable.Range(1, submission.Version), mine.Select(x => x.Version).Order());
            Assert.Equal(Enumerable.Range(1, submission.Version), submission.Changes.Select(c => c.Version).Order());
            var receipts = mine.Where(x => x.Receipt is not null).ToList();
            Assert.NotEmpty(receipts);
            Assert.Equal(Enumerable.Range(1, receipts.Count), submission.Submitted.Select(v => v.Number).Order());
            foreach (var submit in receipts)
            {
                var version = submission.Submitted.Single(v => v.Id == submit.Receipt!.Id);
                Assert.Equal((submit.Receipt!.Version, submit.Receipt.Digest), (version.Number, version.Digest));
                Assert.Equal(submit.Text, version.Answers.Single(a => a.QuestionId == q["3a"]).Text);
                Assert.Equal(submit.Value, version.Answers.Single(a => a.QuestionId == q["3c"]).Value);
                Assert.Equal(version.Id, submission.Changes.Single(c => c.Version == submit.Version && c.Action == SubmissionAction.Submitted).SubmittedVersionId);
            }
            Assert.Equal(receipts.MaxBy(x => x.Receipt!.Version)!.Receipt!.Id, submission.LatestSubmittedVersionId);
        }
    }

    /// <summary>
    /// At the deadline every way of closing runs on both instances at once: the job scheduled at
    /// closesAt (delivered twice, as Hangfire may), the sweep on its schedule, and the sweep of an
    /// instance starting just then. The consultation closes once, and its analysis compiles once.
    /// </summary>
    [SkippableFact]
    public async Task ADeadlinePassingClosesTheConsultationOnceAndCompilesItsAnalysisOnce()
    {
        await using var instances = new TwoInstances();
        var logs = new LogRecords();
        foreach (var app in instances.Both)
            logs.On(app);
        await instances.StartAsync();
        var consultation = await instances.A.CreateConsultationAsync(ConsultationSetup.EveryType);
        var q = await instances.A.QuestionIdsAsync(consultation);
        foreach (var (app, value) in new[] { (instances.A, 1), (instances.B, 2), (instances.A, 3), (instances.B, 4) })
        {
            var respondent = await app.AsRespondentAsync(RespondentCategory.Stakeholder);
            (await respondent.Client.SaveAsync(consultation, [new { questionId = q["3c"], value }])).EnsureSuccessStatusCode();
            (await respondent.Client.SubmitAsync(consultation)).EnsureSuccessStatusCode();
        }
        var deadline = (await (await instances.A.CreateHttpsClient().GetAsync($"/api/consultations/{consultation}")).ReadAsAsync<ConsultationResponse>()).ClosesAt;

        instances.Clock.SetUtcNow(deadline.AddSeconds(1));
        await Task.WhenAll(instances.Both.SelectMany(app => new[]
        {
            Task.Run(() => app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ConsultationCloser>(closer => closer.CloseIfDueAsync(consultation))),
            Task.Run(app.TriggerSweep),
            Task.Run(async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ConsultationCloser>().SweepAfterRestartAsync();
            }),
        }));
        var analyst = await instances.B.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(consultation);
        await JobsSettledAsync(instances.A);

        var analysis = await analyst.WaitForAnalysisAsync(consultation);
        Assert.Equal(1, logs.Count($"Consultation {consultation} closed at its deadline."));
        Assert.Equal(1, logs.Count($"Analysis of {consultation} compiled"));
        Assert.Equal(1, analysis.Attempts);
        var summary = await (await analyst.GetAsync($"/api/consultations/{consultation}/analysis/summary")).ReadAsAsync<AnalysisSummary>();
        Assert.Equal(4, summary.Submissions);
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

    private sealed record Acknowledged(Guid Entity, int Version, ReceiptResponse? Receipt, string Text, int Value);

    private static int Version(HttpResponseMessage response) => int.Parse(response.Headers.ETag!.Tag.Trim('"'));

    /// <summary>Entities of every respondent category, each with one focal point signed in on A and one on B.</summary>
    private static async Task<Respondent[]> FocalPointsOnBothAsync(TwoInstances instances, int entities)
    {
        var secretariat = await instances.A.AsSecretariatAsync();
        var categories = new[] { RespondentCategory.MemberState, RespondentCategory.SectorMember, RespondentCategory.Associate, RespondentCategory.Stakeholder };
        var created = await Task.WhenAll(Enumerable.Range(0, entities).Select(async n =>
        {
            var entity = await (await secretariat.PostAsJsonAsync("/api/entities", new { name = $"Entity {n}", category = categories[n % categories.Length].ToString() }))
                .ReadAsAsync<EntityResponse>(HttpStatusCode.Created);
            return await Task.WhenAll(instances.Both.Select(async app =>
            {
                var email = $"focal-{Guid.NewGuid():N}@test.example.org";
                (await secretariat.PostAsJsonAsync($"/api/entities/{entity.Id}/accounts", new { email, displayName = "Focal point", password = SurveyApplication.Password }))
                    .EnsureSuccessStatusCode();
                return new Respondent(await app.SignInAsync(email), entity.Id, email);
            }));
        }));
        return [.. created.SelectMany(pair => pair)];
    }

    /// <summary>Waits until the shared job storage has nothing enqueued or running for a second in a row.</summary>
    private static async Task JobsSettledAsync(SurveyApplication app)
    {
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var clock = Stopwatch.StartNew();
        var quietSince = clock.Elapsed;
        while (clock.Elapsed - quietSince < TimeSpan.FromSeconds(1))
        {
            if (monitoring.EnqueuedCount("default") > 0 || monitoring.ProcessingCount() > 0)
                quietSince = clock.Elapsed;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "The jobs did not settle within a minute.");
            await Task.Delay(100);
        }
    }
}

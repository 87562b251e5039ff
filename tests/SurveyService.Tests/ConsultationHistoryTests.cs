using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Data.Submissions;
using SurveyService.Jobs;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// The consultation's audit trail (issue 13): every change the Secretariat makes is recorded with who,
/// when, before and after and the reason; moving a published deadline needs a reason; respondents and
/// API clients are told "extended from … to …" (seed 002: "the deadline initially set for the
/// 21 January … extended until 31 January").
/// </summary>
public sealed class ConsultationHistoryTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, Guid id, object change) =>
        client.PatchAsJsonAsync($"/api/consultations/{id}", change);

    private static async Task<ConsultationHistoryEntry[]> HistoryAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/consultations/{id}/history")).ReadAsAsync<ConsultationHistoryEntry[]>();

    private static async Task<ConsultationResponse> ReadAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/consultations/{id}")).ReadAsAsync<ConsultationResponse>();

    [Fact]
    public async Task MovingAPublishedDeadlineWithoutAReasonIsRefusedNamingTheReason()
    {
        var id = await app.CreateConsultationAsync();
        var secretariat = await app.AsSecretariatAsync();
        var deadline = (await ReadAsync(secretariat, id)).ClosesAt;

        await (await ChangeAsync(secretariat, id, new { closesAt = deadline.AddDays(10) })).AssertValidationErrorAsync("reason");
        await (await ChangeAsync(secretariat, id, new { closesAt = deadline.AddDays(10), reason = " \n " })).AssertValidationErrorAsync("reason");
        await (await ChangeAsync(secretariat, id, new { closesAt = deadline.AddDays(10), reason = new string('r', 2_001) })).AssertValidationErrorAsync("reason");
        // Moved earlier it still moves what respondents were told.
        await (await ChangeAsync(secretariat, id, new { closesAt = deadline.AddDays(-1) })).AssertValidationErrorAsync("reason");

        Assert.Equal(deadline, (await ReadAsync(secretariat, id)).ClosesAt);
        Assert.DoesNotContain(await HistoryAsync(secretariat, id), e => e.Action == ConsultationAction.DeadlineExtended);
        // Restating the same deadline, or changing anything else, needs none.
        (await ChangeAsync(secretariat, id, new { closesAt = deadline, title = "Renamed" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ADraftsDeadlineMovesWithoutAReasonAndIsRecordedAsAChange()
    {
        var id = await app.CreateConsultationAsync(publish: false);
        var secretariat = await app.AsSecretariatAsync();
        var deadline = (await ReadAsync(secretariat, id)).ClosesAt;

        (await ChangeAsync(secretariat, id, new { closesAt = deadline.AddDays(3) })).EnsureSuccessStatusCode();

        var change = Assert.Single(await HistoryAsync(secretariat, id), e => e.Subject == "closesAt");
        Assert.Equal(ConsultationAction.Changed, change.Action);
        Assert.Equal(deadline, DateTimeOffset.Parse(change.Before!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(deadline.AddDays(3), DateTimeOffset.Parse(change.After!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null((await ReadAsync(secretariat, id)).DeadlineExtendedFrom);
    }

    [Fact]
    public async Task TheHistoryListsWhoDidWhatOldestFirstWithBeforeAfterAndReason()
    {
        var id = await app.CreateConsultationAsync();
        var secretariat = await app.AsSecretariatAsync();
        var published = await ReadAsync(secretariat, id);
        var extended = published.ClosesAt.AddDays(10);

        var answer = await (await ChangeAsync(secretariat, id, new { closesAt = extended, reason = "Asked by several Member States" }))
            .ReadAsAsync<ConsultationResponse>();
        Assert.Equal(extended, answer.ClosesAt);
        (await ChangeAsync(secretariat, id, new { title = "Consultation (revised)", weights = new { Academia = 0.5 } })).EnsureSuccessStatusCode();

        var history = await HistoryAsync(secretariat, id);
        Assert.Equal(
            [ConsultationAction.Created, ConsultationAction.QuestionAdded, ConsultationAction.QuestionAdded, ConsultationAction.QuestionAdded,
                ConsultationAction.Published, ConsultationAction.DeadlineExtended, ConsultationAction.Changed, ConsultationAction.Changed],
            history.Select(e => e.Action));
        Assert.Equal(history.OrderBy(e => e.Id).Select(e => e.Id), history.Select(e => e.Id));
        Assert.All(history, e => Assert.Equal(SurveyApplication.SecretariatEmail, e.By?.Email));
        Assert.All(history, e => Assert.False(string.IsNullOrEmpty(e.By?.UserId)));
        Assert.Equal(["1a", "2a", "3a"], history.Where(e => e.Action == ConsultationAction.QuestionAdded).Select(e => e.Subject));
        Assert.Equal("Question 1a?", history[1].After);

        var extension = history.Single(e => e.Action == ConsultationAction.DeadlineExtended);
        Assert.Equal("closesAt", extension.Subject);
        Assert.Equal(published.ClosesAt, DateTimeOffset.Parse(extension.Before!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(extended, DateTimeOffset.Parse(extension.After!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("Z", extension.Before);
        Assert.Equal("Asked by several Member States", extension.Reason);

        var title = history.Single(e => e.Subject == "title");
        Assert.Equal(("Consultation", "Consultation (revised)"), (title.Before, title.After));
        var weights = history.Single(e => e.Subject == "weights");
        Assert.Contains("Academia=1", weights.Before);
        Assert.Contains("Academia=0.5", weights.After);
        Assert.Null(weights.Reason);
    }

    [Fact]
    public async Task RespondentsAndClientsAreToldTheDeadlineAsPublishedOnceItIsExtended()
    {
        var id = await app.CreateConsultationAsync();
        var secretariat = await app.AsSecretariatAsync();
        using var anonymous = app.CreateHttpsClient();
        var first = (await ReadAsync(anonymous, id)).ClosesAt;
        Assert.Null((await ReadAsync(anonymous, id)).DeadlineExtendedFrom);
        Assert.Null((await (await anonymous.GetAsync("/api/consultations")).ReadAsAsync<ConsultationResponse[]>()).Single(c => c.Id == id).DeadlineExtendedFrom);

        var answer = await (await ChangeAsync(secretariat, id, new { closesAt = first.AddDays(10), reason = "On request" })).ReadAsAsync<ConsultationResponse>();
        Assert.Equal(first, answer.DeadlineExtendedFrom);
        (await ChangeAsync(secretariat, id, new { closesAt = first.AddDays(20), reason = "Again" })).EnsureSuccessStatusCode();

        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var read = await ReadAsync(respondent.Client, id);
        Assert.Equal((first, first.AddDays(20)), (read.DeadlineExtendedFrom, read.ClosesAt));
        var listed = (await (await anonymous.GetAsync("/api/consultations")).ReadAsAsync<ConsultationResponse[]>()).Single(c => c.Id == id);
        Assert.Equal(first, listed.DeadlineExtendedFrom);

        // Brought back to the deadline as published, nothing is extended any more.
        (await ChangeAsync(secretariat, id, new { closesAt = first, reason = "Back to the original" })).EnsureSuccessStatusCode();
        Assert.Null((await ReadAsync(anonymous, id)).DeadlineExtendedFrom);
    }

    [Fact]
    public async Task OnlyTheSecretariatReadsTheHistory()
    {
        var id = await app.CreateConsultationAsync();
        using var anonymous = app.CreateHttpsClient();
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var analyst = await app.AsAnalystAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/consultations/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await respondent.Client.GetAsync($"/api/consultations/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/consultations/{id}/history")).StatusCode);
        await (await (await app.AsSecretariatAsync()).GetAsync($"/api/consultations/{Guid.NewGuid()}/history")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheCloseAtTheDeadlineIsRecordedWithNoOneAndACloseNowWithWhoClosed()
    {
        // Moves time: an application of its own.
        await using var own = new SurveyApplication();
        var atDeadline = await own.CreateConsultationAsync();
        var closedNow = await own.CreateConsultationAsync(draft: new
        {
            title = "Closed now", opensAt = own.Clock.GetUtcNow().AddMinutes(-5), closesAt = own.Clock.GetUtcNow().AddDays(30),
        });
        var secretariat = await own.AsSecretariatAsync();
        var deadline = (await ReadAsync(secretariat, atDeadline)).ClosesAt;
        (await secretariat.PostAsync($"/api/consultations/{closedNow}/close", null)).EnsureSuccessStatusCode();
        // Closing again changes nothing, and records nothing.
        (await secretariat.PostAsync($"/api/consultations/{closedNow}/close", null)).EnsureSuccessStatusCode();

        own.Clock.SetUtcNow(deadline.AddMinutes(1));
        await own.RunJobAsync<ConsultationCloser>(closer => closer.CloseIfDueAsync(atDeadline));
        await own.RunJobAsync<ConsultationCloser>(closer => closer.CloseIfDueAsync(atDeadline));
        secretariat = await own.AsSecretariatAsync();

        var automatic = Assert.Single(await HistoryAsync(secretariat, atDeadline), e => e.Action == ConsultationAction.Closed);
        Assert.Null(automatic.By);
        Assert.Equal(deadline, DateTimeOffset.Parse(automatic.After!, System.Globalization.CultureInfo.InvariantCulture));
        var byHand = Assert.Single(await HistoryAsync(secretariat, closedNow), e => e.Action == ConsultationAction.Closed);
        Assert.Equal(SurveyApplication.SecretariatEmail, byHand.By?.Email);
    }

    [Fact]
    public async Task TheAuditPageTellsTheSecretariatsChangesTheSubmissionsAndTheScreeningNewestFirst()
    {
        var id = await app.CreateConsultationAsync();
        var secretariat = await app.AsSecretariatAsync();
        var deadline = (await ReadAsync(secretariat, id)).ClosesAt;
        (await ChangeAsync(secretariat, id, new { closesAt = deadline.AddDays(7), reason = "Asked by <b>several</b> Member States" })).EnsureSuccessStatusCode();
        var respondent = await app.AsRespondentAsync(RespondentCategory.Stakeholder);
        var q = await app.QuestionIdsAsync(id);
        (await respondent.Client.SaveAsync(id, [new { questionId = q["3a"], text = "first" }])).EnsureSuccessStatusCode();
        (await respondent.Client.SubmitAsync(id)).EnsureSuccessStatusCode();
        var (_, etag) = await respondent.Client.ReadSubmissionAsync(id);
        (await respondent.Client.SaveAsync(id, [new { questionId = q["3a"], text = "second" }], etag)).EnsureSuccessStatusCode();
        (await respondent.Client.SubmitAsync(id)).EnsureSuccessStatusCode();
        string entity;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
            entity = await db.Entities.Where(e => e.Id == respondent.EntityId).Select(e => e.Name).SingleAsync();
            var answer = await db.SubmittedAnswers.Where(a => a.QuestionId == q["3a"]).OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
            var analyst = await db.Users.Where(u => u.Email == SurveyApplication.SecretariatEmail).Select(u => u.Id).SingleAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.ScreeningDecisions.Add(new ScreeningDecision { ConsultationId = id, SubmittedAnswerId = answer, Related = false, Reason = "Off topic", UserId = analyst, At = now.AddSeconds(1) });
            db.ScreeningDecisions.Add(new ScreeningDecision { ConsultationId = id, SubmittedAnswerId = answer, Related = true, UserId = analyst, At = now.AddSeconds(2) });
            await db.SaveChangesAsync();
        }

        using var browser = await new PortalBrowser(app).SignInWithCookieAsync(SurveyApplication.SecretariatEmail, SurveyApplication.Password);
        var html = await browser.GetStringAsync($"/manage/consultations/{id}/audit?culture=en");
        var rows = new HtmlParser().ParseDocument(html).QuerySelectorAll("tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        var what = rows.Select(r => r[2]).ToList();

        Assert.Equal($"Marked an answer to 3a by {entity} related again", what[0]);
        Assert.Equal($"Marked an answer to 3a by {entity} not related", what[1]);
        Assert.Equal("Off topic", rows[1][3]);
        Assert.Contains($"Submitted version 2 for {entity}", what);
        Assert.Contains($"Submitted version 1 for {entity}", what);
        Assert.Equal(2, what.Count(w => w == $"Saved a draft for {entity}"));
        var extension = rows.Single(r => r[2].StartsWith("Extended the deadline from ", StringComparison.Ordinal));
        Assert.Equal(("Asked by <b>several</b> Member States", SurveyApplication.SecretariatEmail), (extension[3], extension[1]));
        Assert.DoesNotContain("<b>several</b>", html);
        Assert.Equal(["Published the consultation", "Added question 3a", "Added question 2a", "Added question 1a", "Created the consultation"],
            what.Where(w => !w.Contains(entity, StringComparison.Ordinal)).TakeLast(5));
    }

    [Fact]
    public async Task AConsultationWithManyEntriesIsReadAPageAtATime()
    {
        var id = await app.CreateConsultationAsync(publish: false);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
            var at = app.Clock.GetUtcNow().UtcDateTime;
            db.ConsultationEvents.AddRange(Enumerable.Range(1, 120).Select(i => new ConsultationEvent
            {
                ConsultationId = id, Action = ConsultationAction.Changed, At = at.AddSeconds(i), Subject = "title", Before = $"T{i - 1}", After = $"T{i}",
            }));
            await db.SaveChangesAsync();
        }
        using var browser = await new PortalBrowser(app).SignInWithCookieAsync(SurveyApplication.SecretariatEmail, SurveyApplication.Password);

        var first = new HtmlParser().ParseDocument(await browser.GetStringAsync($"/manage/consultations/{id}/audit?culture=en"));
        var third = new HtmlParser().ParseDocument(await browser.GetStringAsync($"/manage/consultations/{id}/audit?page=3&culture=en"));

        // 120 changes, 4 questions added (3 here) and the creation: 124 entries.
        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("Changed the title from T119 to T120", first.QuerySelector("tbody tr td:nth-child(3)")!.TextContent.Trim());
        Assert.Equal("Entries 1 to 50 of 124, newest first.", first.QuerySelector("[data-range]")!.TextContent.Trim());
        Assert.NotNull(first.QuerySelector("a[rel=next]"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal(24, third.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("Created the consultation", third.QuerySelectorAll("tbody tr td:nth-child(3)").Last().TextContent.Trim());
        Assert.Null(third.QuerySelector("a[rel=next]"));
        Assert.NotNull(third.QuerySelector("a[rel=prev]"));
    }
}

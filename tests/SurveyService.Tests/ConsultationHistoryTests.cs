using SurveyService.Consultations;
using SurveyService.Data.Consultations;
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
}

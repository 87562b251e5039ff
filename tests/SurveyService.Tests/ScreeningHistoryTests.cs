using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Analysis;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>Every screening decision is kept with who made it and when, undoings included, and read back oldest first.</summary>
public sealed class ScreeningHistoryTests
{
    private static async Task<(HttpClient Client, string Id, string Email)> AnalystAsync(SurveyApplication app, string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@test.example.org";
        (await (await app.AsSecretariatAsync()).PostAsJsonAsync("/api/staff", new { email, displayName = name, password = SurveyApplication.Password, role = "Analyst" }))
            .EnsureSuccessStatusCode();
        using var scope = app.Services.CreateScope();
        var id = await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return (await app.SignInAsync(email), id, email);
    }

    /// <summary>Instants as stored: a database may keep less than a tick's precision.</summary>
    private static readonly IEqualityComparer<DateTimeOffset> Milliseconds =
        EqualityComparer<DateTimeOffset>.Create((a, b) => a.ToUnixTimeMilliseconds() == b.ToUnixTimeMilliseconds(), a => a.ToUnixTimeMilliseconds().GetHashCode());

    [Fact]
    public async Task EachDecisionAndItsUndoingAreKeptWithWhoAndWhenOldestFirst()
    {
        await using var app = new SurveyApplication();
        var closed = await app.CloseWithAnswersAsync(2);
        var (first, firstId, firstEmail) = await AnalystAsync(app, "first");
        var (second, secondId, secondEmail) = await AnalystAsync(app, "second");
        var answers = (await (await first.GetAsync($"/api/consultations/{closed.Id}/answers")).ReadAsAsync<AnswerPage>()).Items;
        var answer = answers.Single(a => a.Text == "answer 0");
        Assert.Null(answer.ScreenedBy);
        Assert.Null(answer.ScreenedAt);
        var before = await (await first.GetAsync($"/api/consultations/{closed.Id}/answers/{answer.Id}/screening")).ReadAsAsync<ScreeningHistoryResponse>();
        Assert.True(before.Related);
        Assert.Empty(before.Decisions);

        var screenedAt = app.Clock.GetUtcNow();
        (await first.PutAsJsonAsync($"/api/consultations/{closed.Id}/answers/{answer.Id}/screening", new { related = false, reason = "  About the agenda. " }))
            .EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var undoneAt = app.Clock.GetUtcNow();
        (await second.PutAsJsonAsync($"/api/consultations/{closed.Id}/answers/{answer.Id}/screening", new { related = true, reason = "It answers 3a after all." }))
            .EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await second.PutAsJsonAsync($"/api/consultations/{closed.Id}/answers/{answer.Id}/screening", new { related = false, reason = "Off topic." }))
            .EnsureSuccessStatusCode();
        // Refused for want of a reason: not a decision, so not in the history.
        await (await first.PutAsJsonAsync($"/api/consultations/{closed.Id}/answers/{answer.Id}/screening", new { related = false }))
            .AssertValidationErrorAsync("reason");

        var history = await (await first.GetAsync($"/api/consultations/{closed.Id}/answers/{answer.Id}/screening")).ReadAsAsync<ScreeningHistoryResponse>();
        Assert.Equal(answer.Id, history.AnswerId);
        Assert.False(history.Related);
        Assert.Equal("Off topic.", history.ScreeningReason);
        Assert.Equal([false, true, false], history.Decisions.Select(d => d.Related));
        Assert.Equal(["About the agenda.", "It answers 3a after all.", "Off topic."], history.Decisions.Select(d => d.Reason));
        Assert.Equal([firstId, secondId, secondId], history.Decisions.Select(d => d.ScreenedBy));
        Assert.Equal([firstEmail, secondEmail, secondEmail], history.Decisions.Select(d => d.ScreenedByEmail));
        Assert.Equal([screenedAt, undoneAt, undoneAt.AddMinutes(5)], history.Decisions.Select(d => d.ScreenedAt), Milliseconds);

        // The list carries the latest decision; the other answer, never screened, has none.
        var listed = (await (await first.GetAsync($"/api/consultations/{closed.Id}/answers")).ReadAsAsync<AnswerPage>()).Items;
        var latest = listed.Single(a => a.Id == answer.Id);
        Assert.Equal(secondId, latest.ScreenedBy);
        Assert.Equal(undoneAt.AddMinutes(5), latest.ScreenedAt!.Value, Milliseconds);
        Assert.Null(listed.Single(a => a.Text == "answer 1").ScreenedBy);
        var untouched = await (await first.GetAsync($"/api/consultations/{closed.Id}/answers/{listed.Single(a => a.Text == "answer 1").Id}/screening"))
            .ReadAsAsync<ScreeningHistoryResponse>();
        Assert.Empty(untouched.Decisions);
    }

    [Fact]
    public async Task TheHistoryIsTheAnalystsAndOnlyOfTheConsultationsOwnAnswers()
    {
        await using var app = new SurveyApplication();
        var closed = await app.CloseWithAnswersAsync(1);
        var other = await app.CloseWithAnswersAsync(1);
        var (analyst, _, _) = await AnalystAsync(app, "analyst");
        var answer = (await (await analyst.GetAsync($"/api/consultations/{closed.Id}/answers")).ReadAsAsync<AnswerPage>()).Items.Single().Id;
        var path = $"/api/consultations/{closed.Id}/answers/{answer}/screening";

        await (await closed.Respondents[0].Client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await app.AsSecretariatAsync()).GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await analyst.GetAsync($"/api/consultations/{other.Id}/answers/{answer}/screening")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await analyst.GetAsync($"/api/consultations/{closed.Id}/answers/{Guid.NewGuid()}/screening")).AssertProblemAsync(HttpStatusCode.NotFound);
        // Screening it through the wrong consultation decides nothing.
        await (await analyst.PutAsJsonAsync($"/api/consultations/{other.Id}/answers/{answer}/screening", new { related = false, reason = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await analyst.GetAsync(path)).ReadAsAsync<ScreeningHistoryResponse>()).Decisions);
    }
}

using SurveyService.Accounts;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// The Secretariat lists an entity's focal points and the staff, and disables an account that
/// should no longer act, or enables it again (POST /api/accounts/{id}/disable, /enable).
/// </summary>
public sealed class AccountAccessTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    private static readonly TimeSpan PastTheRecheckWindow = TimeSpan.FromSeconds(31);

    [Fact]
    public async Task ADisabledFocalPointCannotSignInAndWhatItHoldsStopsWorkingUntilEnabledAgain()
    {
        var consultation = await app.CreateConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.SectorMember);
        var secretariat = await app.AsSecretariatAsync();
        var questionnaire = $"/api/consultations/{consultation}/questionnaire";
        (await respondent.Client.GetAsync(questionnaire)).EnsureSuccessStatusCode();
        var focalPoints = await (await secretariat.GetAsync($"/api/entities/{respondent.EntityId}/accounts")).ReadAsAsync<ListedAccount[]>();
        var account = Assert.Single(focalPoints);
        Assert.Equal((respondent.Email, false), (account.Email, account.Disabled));

        var disabled = await (await secretariat.PostAsync($"/api/accounts/{account.Id}/disable", null)).ReadAsAsync<AccountResponse>();
        Assert.Equal((true, RespondentCategory.SectorMember, respondent.EntityId), (disabled.Disabled, disabled.Category, disabled.EntityId));
        Assert.True(Assert.Single(await (await secretariat.GetAsync($"/api/entities/{respondent.EntityId}/accounts")).ReadAsAsync<ListedAccount[]>()).Disabled);
        Assert.False((await app.RequestTokenAsync(respondent.Email, SurveyApplication.Password)).Succeeded);
        app.Clock.Advance(PastTheRecheckWindow);
        var problem = await (await respondent.Client.GetAsync(questionnaire)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("The account was disabled by the Secretariat.", problem.GetProperty("detail").GetString());

        var enabled = await (await secretariat.PostAsync($"/api/accounts/{account.Id}/enable", null)).ReadAsAsync<AccountResponse>();
        Assert.False(enabled.Disabled);
        var again = await app.SignInAsync(respondent.Email);
        (await again.GetAsync(questionnaire)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task TheSecretariatCannotDisableItsOwnAccountNorAnAccountThatDoesNotExistAndOthersMayNotDisableAtAll()
    {
        var secretariat = await app.AsSecretariatAsync();
        var staff = await (await secretariat.GetAsync("/api/staff")).ReadAsAsync<ListedAccount[]>();
        var own = Assert.Single(staff, s => s.Email == SurveyApplication.SecretariatEmail);
        Assert.Equal(StaffRole.Secretariat, own.Role);

        var problem = await (await secretariat.PostAsync($"/api/accounts/{own.Id}/disable", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("your own account", problem.GetProperty("detail").GetString());
        await (await secretariat.PostAsync("/api/accounts/no-such-account/disable", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        (await (await app.AsSecretariatAsync()).GetAsync("/api/staff")).EnsureSuccessStatusCode();

        var analyst = await app.AsAnalystAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"/api/accounts/{own.Id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/staff")).StatusCode);
        var respondent = await app.AsRespondentAsync(RespondentCategory.Academia);
        Assert.Equal(HttpStatusCode.Forbidden, (await respondent.Client.GetAsync($"/api/entities/{respondent.EntityId}/accounts")).StatusCode);
    }

    [Fact]
    public async Task ADisabledAnalystIsListedAsDisabledAndCannotSignIn()
    {
        var secretariat = await app.AsSecretariatAsync();
        var email = $"analyst-{Guid.NewGuid():N}@test.example.org";
        var created = await (await secretariat.PostAsJsonAsync("/api/staff",
            new { email, displayName = "An Analyst", password = SurveyApplication.Password, role = "Analyst" })).ReadAsAsync<AccountResponse>(HttpStatusCode.Created);
        (await secretariat.PostAsync($"/api/accounts/{created.Id}/disable", null)).EnsureSuccessStatusCode();

        var listed = Assert.Single(await (await secretariat.GetAsync("/api/staff")).ReadAsAsync<ListedAccount[]>(), s => s.Email == email);
        Assert.Equal((StaffRole.Analyst, true), (listed.Role, listed.Disabled));
        Assert.False((await app.RequestTokenAsync(email, SurveyApplication.Password)).Succeeded);
        await (await secretariat.GetAsync($"/api/entities/{Guid.NewGuid()}/accounts")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Data.Accounts;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// A locked or removed account stops working within AccountStanding:RecheckSeconds (30 s by
/// default), whichever door it holds, not when its token (an hour) or its cookie (eight hours) expires.
/// </summary>
public sealed class AccountStandingTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    private static readonly TimeSpan PastTheRecheckWindow = TimeSpan.FromSeconds(31);

    [Fact]
    public async Task ALockedAccountsAccessTokenIsRefusedWithinTheRecheckWindow()
    {
        var consultation = await app.CreateConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.SectorMember);
        (await respondent.Client.GetAsync(Questionnaire(consultation))).EnsureSuccessStatusCode();

        await LockAsync(respondent.Email);
        app.Clock.Advance(PastTheRecheckWindow);

        var problem = await (await respondent.Client.GetAsync(Questionnaire(consultation))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("The account is locked until ", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await respondent.Client.GetAsync("/connect/userinfo")).StatusCode);
    }

    [Fact]
    public async Task ARemovedAccountsAccessTokenIsRefusedWithinTheRecheckWindow()
    {
        var consultation = await app.CreateConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.Academia);
        (await respondent.Client.GetAsync(Questionnaire(consultation))).EnsureSuccessStatusCode();

        await RemoveAsync(respondent.Email);
        app.Clock.Advance(PastTheRecheckWindow);

        var problem = await (await respondent.Client.GetAsync(Questionnaire(consultation))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("The account no longer exists.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ALockedAccountsPortalSessionIsRefusedWithinTheRecheckWindow()
    {
        var consultation = await app.CreateConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.Associate);
        using var browser = await new PortalBrowser(app).SignInWithCookieAsync(respondent.Email, SurveyApplication.Password);
        (await browser.GetAsync(Questionnaire(consultation))).EnsureSuccessStatusCode();

        await LockAsync(respondent.Email);
        app.Clock.Advance(PastTheRecheckWindow);

        var problem = await (await browser.GetAsync(Questionnaire(consultation))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("The account is locked until ", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARemovedAccountsPortalSessionIsRefusedWithinTheRecheckWindow()
    {
        var consultation = await app.CreateConsultationAsync();
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        using var browser = await new PortalBrowser(app).SignInWithCookieAsync(respondent.Email, SurveyApplication.Password);
        (await browser.GetAsync(Questionnaire(consultation))).EnsureSuccessStatusCode();

        await RemoveAsync(respondent.Email);
        app.Clock.Advance(PastTheRecheckWindow);

        var problem = await (await browser.GetAsync(Questionnaire(consultation))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("The account no longer exists.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ALockedAccountsRefreshTokenIsRefusedAtOnce()
    {
        var respondent = await app.AsRespondentAsync(RespondentCategory.Stakeholder);
        var token = await app.RequestTokenAsync(respondent.Email, SurveyApplication.Password);
        Assert.NotNull(token.RefreshToken);

        await LockAsync(respondent.Email);

        using var client = app.CreateHttpsClient();
        var refreshed = await TokenResponse.ReadAsync(await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "survey-cli",
            ["refresh_token"] = token.RefreshToken!,
        })));
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.Status);
        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.StartsWith("The account is locked", refreshed.ErrorDescription);
    }

    private static string Questionnaire(Guid consultation) => $"/api/consultations/{consultation}/questionnaire";

    private async Task LockAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SurveyUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        Assert.True((await users.SetLockoutEndDateAsync(user, app.Clock.GetUtcNow().AddDays(1))).Succeeded);
    }

    // No endpoint removes an account yet; the operator would delete the row.
    private async Task RemoveAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SurveyUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        Assert.True((await users.DeleteAsync(user)).Succeeded);
    }
}

using System.Text.Json;
using SurveyService.Submissions;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

// Discovery and userinfo stay JSON: their names are the OpenID Connect protocol's, and userinfo tests assert a claim's absence.
public sealed class SignInTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    [Fact]
    public async Task DiscoveryDocumentNamesTheTokenEndpointAndGrants()
    {
        using var client = app.CreateHttpsClient();
        var discovery = await (await client.GetAsync("/.well-known/openid-configuration")).ReadJsonAsync();

        Assert.EndsWith("/connect/token", discovery.GetProperty("token_endpoint").GetString());
        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToArray();
        Assert.Contains("password", grants);
        Assert.Contains("refresh_token", grants);
        Assert.Contains("authorization_code", grants);
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task UserInfoCarriesTheRespondentsCategoryAndEntity()
    {
        var respondent = await app.AsRespondentAsync(RespondentCategory.SectorMember);

        var info = await (await respondent.Client.GetAsync("/connect/userinfo")).ReadJsonAsync();

        Assert.Equal(respondent.Email, info.GetProperty("email").GetString());
        Assert.Equal("SectorMember", info.GetProperty("category").GetString());
        Assert.Equal(respondent.EntityId.ToString(), info.GetProperty("entity_id").GetString());
        Assert.StartsWith("SectorMember ", info.GetProperty("entity_name").GetString());
        Assert.False(info.TryGetProperty("role", out _));
    }

    [Fact]
    public async Task UserInfoCarriesTheStaffRole()
    {
        var analyst = await app.AsAnalystAsync();

        var info = await (await analyst.GetAsync("/connect/userinfo")).ReadJsonAsync();

        Assert.Equal("Analyst", info.GetProperty("role").GetString());
        Assert.False(info.TryGetProperty("category", out _));
    }

    [Fact]
    public async Task RefreshTokenGivesANewAccessToken()
    {
        var respondent = await app.AsRespondentAsync(RespondentCategory.MemberState);
        var first = await app.RequestTokenAsync(respondent.Email, SurveyApplication.Password);
        Assert.NotNull(first.RefreshToken);

        using var client = app.CreateHttpsClient();
        var refreshed = await TokenResponse.ReadAsync(await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "survey-cli",
            ["refresh_token"] = first.RefreshToken!,
        })));

        Assert.True(refreshed.Succeeded, refreshed.ErrorDescription);
        client.DefaultRequestHeaders.Authorization = new("Bearer", refreshed.AccessToken);
        var info = await (await client.GetAsync("/connect/userinfo")).ReadJsonAsync();
        Assert.Equal("MemberState", info.GetProperty("category").GetString());
    }

    [Fact]
    public async Task WrongPasswordIsRefusedAsInvalidGrant()
    {
        var token = await app.RequestTokenAsync(SurveyApplication.SecretariatEmail, "Not-The-Password-1");

        Assert.Equal(HttpStatusCode.BadRequest, token.Status);
        Assert.Equal("invalid_grant", token.Error);
    }

    [Fact]
    public async Task UnknownEmailIsRefusedTheSameWayAsAWrongPassword()
    {
        var token = await app.RequestTokenAsync("nobody@test.example.org", SurveyApplication.Password);

        Assert.Equal("invalid_grant", token.Error);
        Assert.Equal(SurveyService.Identity.PasswordCheck.WrongCredentials, token.ErrorDescription);
    }

    [Fact]
    public async Task WrongPasswordsSlowTheirAddressButNotTheOwnerElsewhere()
    {
        var respondent = await app.AsRespondentAsync(RespondentCategory.Associate);
        for (var attempt = 0; attempt < 6; attempt++)
            await app.RequestTokenAsync(respondent.Email, "Wrong-Password-123", address: "203.0.113.7");

        var guesser = await app.RequestTokenAsync(respondent.Email, SurveyApplication.Password, address: "203.0.113.7");
        var owner = await app.RequestTokenAsync(respondent.Email, SurveyApplication.Password, address: "198.51.100.20");

        Assert.Equal("invalid_grant", guesser.Error);
        Assert.Contains("try again in", guesser.ErrorDescription);
        Assert.True(owner.Succeeded, $"The owner, from another address, was refused: {owner.ErrorDescription}");
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await app.RequestTokenAsync(respondent.Email, SurveyApplication.Password, address: "203.0.113.7")).Succeeded);
    }

    [Fact]
    public async Task TamperedTokenIsUnauthorized()
    {
        var token = await app.RequestTokenAsync(SurveyApplication.SecretariatEmail, SurveyApplication.Password);
        var tampered = token.AccessToken![..^4] + (token.AccessToken.EndsWith("AAAA") ? "BBBB" : "AAAA");
        using var client = app.CreateHttpsClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tampered);

        await (await client.GetAsync("/api/entities")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ExpiredTokenIsUnauthorized()
    {
        await using var isolated = new SurveyApplication();
        var secretariat = await isolated.SignInAsync(SurveyApplication.SecretariatEmail);
        (await secretariat.GetAsync("/api/entities")).EnsureSuccessStatusCode();

        isolated.Clock.Advance(TimeSpan.FromMinutes(61));

        await (await secretariat.GetAsync("/api/entities")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PortalSignsInWithAuthorizationCodeAndPkce()
    {
        var respondent = await app.AsRespondentAsync(RespondentCategory.Academia);
        var token = await new PortalBrowser(app).SignInAsync(respondent.Email, SurveyApplication.Password);

        Assert.True(token.Succeeded, token.ErrorDescription);
        using var client = app.CreateHttpsClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);
        var info = await (await client.GetAsync("/connect/userinfo")).ReadJsonAsync();
        Assert.Equal("Academia", info.GetProperty("category").GetString());
    }

    [Fact]
    public async Task PortalCookieCarriesTheRespondentToTheApiAsATokenDoes()
    {
        var consultation = await app.CreateConsultationAsync();
        var q = await app.QuestionIdsAsync(consultation);
        var respondent = await app.AsRespondentAsync(RespondentCategory.SectorMember);
        using var browser = await new PortalBrowser(app).SignInWithCookieAsync(respondent.Email, SurveyApplication.Password);

        var saved = await browser.SaveAsync(consultation, [new { questionId = q["2a"], choices = new[] { "Yes" } }]);

        var submission = await saved.ReadAsAsync<SubmissionResponse>();
        Assert.Equal(respondent.EntityId, submission.EntityId);
        var (read, _) = await respondent.Client.ReadSubmissionAsync(consultation);
        Assert.Equal("Yes", read.Answers[0].Choices![0]);
        await (await browser.SaveAsync(consultation, [new { questionId = q["1a"], text = "tier i" }], saved.Headers.ETag!.ToString()))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ApiAnswersWithoutCredentialsOrWithStaffCookieAreStatusesNotRedirects()
    {
        var consultation = await app.CreateConsultationAsync();
        using var anonymous = app.CreateHttpsClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(SubmissionCalls.Path(consultation))).StatusCode);

        using var secretariat = await new PortalBrowser(app).SignInWithCookieAsync(SurveyApplication.SecretariatEmail, SurveyApplication.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.GetAsync(SubmissionCalls.Path(consultation))).StatusCode);
        var draft = await secretariat.PostAsJsonAsync("/api/consultations", app.Draft("Made with the portal's cookie"));
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
    }
}

public sealed class TokenRateLimitTests
{
    [Fact]
    public async Task TokenEndpointAnswers429WithRetryAfterWhenFlooded()
    {
        await using var app = new SurveyApplication();
        app.Settings["SignIn:PermitLimit"] = "3";
        app.Settings["SignIn:WindowSeconds"] = "60";

        var statuses = new List<TokenResponse>();
        for (var i = 0; i < 4; i++)
            statuses.Add(await app.RequestTokenAsync(SurveyApplication.SecretariatEmail, "Wrong-Password-123"));

        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.BadRequest, s.Status));
        // In OAuth's own error format, so that OAuth client libraries can read it.
        var limited = statuses[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.True(limited.Response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After should say how long to wait.");
        Assert.Equal("temporarily_unavailable", limited.Error);
        Assert.Contains("try again", limited.ErrorDescription);
    }
}

public sealed class AccountLockoutTests
{
    [Fact]
    public async Task TheLastResortLockReadsLikeAWrongPasswordAndLikeAnUnknownAccount()
    {
        await using var app = new SurveyApplication();
        app.Settings["SignIn:MaxFailedAttempts"] = "3";
        app.Settings["SignIn:FreeFailures"] = "100";
        var respondent = await app.AsRespondentAsync(RespondentCategory.Academia);
        for (var attempt = 0; attempt < 3; attempt++)
            await app.RequestTokenAsync(respondent.Email, "Wrong-Password-123", address: $"203.0.113.{attempt + 1}");

        var locked = await app.RequestTokenAsync(respondent.Email, SurveyApplication.Password, address: "198.51.100.20");
        var unknown = await app.RequestTokenAsync("nobody-at-all@test.example.org", SurveyApplication.Password, address: "198.51.100.20");

        Assert.False(locked.Succeeded);
        Assert.Equal(unknown.ErrorDescription, locked.ErrorDescription);
        Assert.Equal(unknown.Error, locked.Error);
    }
}

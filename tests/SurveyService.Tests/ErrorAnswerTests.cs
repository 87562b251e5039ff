using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>Refusals a person can act on: each says why, in the language of the door it came through.</summary>
public sealed class ErrorAnswerTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    [Fact]
    public async Task AMissingTokenAndARefusedTokenAreToldApart()
    {
        using var anonymous = app.CreateHttpsClient();
        var missing = await (await anonymous.GetAsync("/api/entities")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Sign in first", missing.GetProperty("detail").GetString());

        using var forged = app.CreateHttpsClient();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        var refused = await (await forged.GetAsync("/api/entities")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("access token was refused", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AForbiddenRequestNamesWhatItNeedsAndWhoAsked()
    {
        var respondent = await app.AsRespondentAsync(RespondentCategory.Associate);
        var analyst = await app.AsAnalystAsync();
        var consultation = await app.CreateConsultationAsync();

        var entities = await (await respondent.Client.GetAsync("/api/entities")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("This needs the Secretariat role; you are signed in as a Associate respondent.", entities.GetProperty("detail").GetString());
        var submission = await (await analyst.GetAsync(SubmissionCalls.Path(consultation))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("This needs a respondent (a focal point of an entity); you are signed in as Analyst staff.", submission.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ATokenWithoutTheSurveyScopeDoesNotOpenTheApi()
    {
        var token = await app.RequestTokenAsync(SurveyApplication.SecretariatEmail, SurveyApplication.Password, scope: "openid");
        using var client = app.CreateHttpsClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);

        var problem = await (await client.GetAsync("/api/entities")).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("survey scope", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheSignInPageAnswersWithAPageNeverJson()
    {
        using var browser = app.CreateHttpsClient();
        var expired = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = SurveyApplication.SecretariatEmail, ["password"] = SurveyApplication.Password, ["returnUrl"] = "/",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("text/html", expired.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The sign-in form expired", await expired.Content.ReadAsStringAsync());
    }
}

public sealed class SignInPageRateLimitTests
{
    [Fact]
    public async Task ASignInPageFloodedFromOneAddressAnswersWithAPageAndRetryAfter()
    {
        await using var app = new SurveyApplication();
        app.Settings["SignIn:PermitLimit"] = "2";
        using var browser = app.CreateHttpsClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "x@example.org", ["password"] = "wrong", ["returnUrl"] = "/" });

        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
            last = await browser.PostAsync("/account/login", form);

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("text/html", last.Content.Headers.ContentType?.MediaType);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("try again in", await last.Content.ReadAsStringAsync());
    }
}

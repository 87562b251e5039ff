using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace SurveyService.Tests.Infrastructure;

/// <summary>Walks the authorization-code flow with PKCE the way the web portal and a browser would.</summary>
public sealed class PortalBrowser(SurveyApplication app)
{
    private const string RedirectUri = "https://portal.test/callback";

    public async Task<TokenResponse> SignInAsync(string email, string password)
    {
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "survey-portal",
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "openid survey",
            ["state"] = "portal-state",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });

        var toLogin = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Found, toLogin.StatusCode);
        var loginPage = await browser.GetStringAsync(toLogin.Headers.Location);
        var form = new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = HtmlForms.Hidden(loginPage, "returnUrl"),
            ["__RequestVerificationToken"] = HtmlForms.Hidden(loginPage, "__RequestVerificationToken"),
        };
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var toPortal = await browser.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Found, toPortal.StatusCode);
        Assert.StartsWith(RedirectUri, toPortal.Headers.Location!.ToString());
        var query = QueryHelpers.ParseQuery(toPortal.Headers.Location.Query);
        Assert.Equal("portal-state", query["state"].ToString());

        return await TokenResponse.ReadAsync(await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "survey-portal",
            ["code"] = query["code"].ToString(),
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        })));
    }

    /// <summary>Signs in on the portal's sign-in page and returns the browser, holding the portal's cookie.</summary>
    public async Task<HttpClient> SignInWithCookieAsync(string email, string password)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });
        var loginPage = await browser.GetStringAsync("/account/login?returnUrl=/");
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = HtmlForms.Hidden(loginPage, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

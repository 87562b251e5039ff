using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.WebUtilities;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// Walks the authorization-code flow with PKCE the way the web portal and a browser would. Given
/// several instances of the service, it sends each request to the next one, as a load balancer
/// without sticky sessions may: every step is then checked by an instance that did not make it.
/// </summary>
public sealed class PortalBrowser(params SurveyApplication[] instances)
{
    private const string RedirectUri = "https://portal.test/callback";

    /// <summary>One browser: a cookie jar, and a connection to each instance.</summary>
    private static HttpClient[] Open(SurveyApplication[] instances)
    {
        var cookies = new CookieContainer();
        return [.. instances.Select(app => app.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)))];
    }

    public async Task<TokenResponse> SignInAsync(string email, string password)
    {
        var connections = Open(instances);
        var step = 0;
        HttpClient next() => connections[step++ % connections.Length];
        try
        {
            return await SignInAsync(next, email, password);
        }
        finally
        {
            foreach (var connection in connections)
                connection.Dispose();
        }
    }

    private static async Task<TokenResponse> SignInAsync(Func<HttpClient> next, string email, string password)
    {
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

        var toLogin = await next().GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Found, toLogin.StatusCode);
        var loginPage = await next().GetStringAsync(toLogin.Headers.Location);
        var form = new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = HtmlForms.Hidden(loginPage, "returnUrl"),
            ["__RequestVerificationToken"] = HtmlForms.Hidden(loginPage, "__RequestVerificationToken"),
        };
        var signedIn = await next().PostAsync("/account/login", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var toPortal = await next().GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Found, toPortal.StatusCode);
        Assert.StartsWith(RedirectUri, toPortal.Headers.Location!.ToString());
        var query = QueryHelpers.ParseQuery(toPortal.Headers.Location.Query);
        Assert.Equal("portal-state", query["state"].ToString());

        return await TokenResponse.ReadAsync(await next().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "survey-portal",
            ["code"] = query["code"].ToString(),
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        })));
    }

    /// <summary>
    /// Signs in on the portal's sign-in page and returns the browser, holding the portal's cookie;
    /// with several instances, the page comes from the first, the form goes to the last, and the
    /// browser returned speaks to the first.
    /// </summary>
    public async Task<HttpClient> SignInWithCookieAsync(string email, string password)
    {
        var connections = Open(instances);
        foreach (var other in connections.Skip(1).SkipLast(1))
            other.Dispose();
        var browser = connections[0];
        var loginPage = await browser.GetStringAsync("/account/login?returnUrl=/");
        var signedIn = await connections[^1].PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = HtmlForms.Hidden(loginPage, "__RequestVerificationToken"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        if (connections.Length > 1)
            connections[^1].Dispose();
        return browser;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace SurveyService.LoadTest;

/// <summary>
/// Signing in through each door: both check the password (one hash each), which dominates what a
/// visit costs. Timed apart from the journeys after sign-in, where it would blur what the pages
/// cost, and first in the whole visits, where it is what a person opening the portal does.
/// </summary>
internal static class SignIns
{
    public const string Token = "token";
    public const string LoginPage = "sign-in page";
    public const string Login = "sign-in";

    /// <summary>The API's door: the password grant at the token endpoint, as the command-line client signs in.</summary>
    public static async Task<string?> TokenAsync(HttpClient http, FocalPoint focalPoint, Measurements measurements)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = "survey-cli",
                ["username"] = focalPoint.Email,
                ["password"] = ServiceClient.RespondentPassword,
                ["scope"] = "openid offline_access survey",
            }));
            var body = await response.Content.ReadAsStringAsync();
            var ok = response.IsSuccessStatusCode;
            measurements.Add(new Sample(Token, clock.Elapsed.TotalMilliseconds, ((int)response.StatusCode).ToString(), ok, body.Length));
            if (ok)
                return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString();
            measurements.ErrorDetail($"token of respondent {focalPoint.Index}: {(int)response.StatusCode} {ServiceClient.Truncate(body)}");
            return null;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            measurements.Add(new Sample(Token, clock.Elapsed.TotalMilliseconds, exception.GetType().Name, false));
            measurements.ErrorDetail($"token of respondent {focalPoint.Index}: {exception.GetType().Name}: {exception.Message}");
            return null;
        }
    }

    /// <summary>
    /// The portal's door: the sign-in page (its form's antiforgery token and cookie), then the form
    /// posted, answered by a redirect to where the person was going with the sign-in cookie.
    /// </summary>
    public static async Task<bool> PortalAsync(HttpClient http, PortalSession session, FocalPoint focalPoint, string returnUrl, Measurements measurements)
    {
        string? token = null;
        var page = await session.StepAsync(http, measurements, LoginPage, HttpMethod.Get, $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}",
            null, HttpStatusCode.OK, check: html => (token = PortalForms.Hidden(html, "<main", PortalForms.Token)) is null ? "no sign-in form with a token" : null);
        if (page is null)
            return false;
        var form = PortalForms.Encode([("Email", focalPoint.Email), ("Password", ServiceClient.RespondentPassword), ("returnUrl", returnUrl),
            (PortalForms.Token, token!)]);
        return await session.StepAsync(http, measurements, Login, HttpMethod.Post, "/account/login", PortalForms.Body(form), HttpStatusCode.Found,
            location: returnUrl, check: _ => session.HasCookie(PortalSession.SignInCookie) ? null : "no sign-in cookie") is not null;
    }
}

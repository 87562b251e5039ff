using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using SurveyService.Data.Accounts;

namespace SurveyService.Identity;

/// <summary>
/// The one page of the authorization-code flow: a plain sign-in form that sets the Identity
/// cookie and sends the browser back to /connect/authorize. The portal itself brings its own look.
/// </summary>
internal static class PortalSignIn
{
    public const string Path = "/account/login";

    public static IEndpointRouteBuilder MapPortalSignIn(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Identity").ExcludeFromDescription();
        group.MapGet("", (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            Form(context, antiforgery, returnUrl, error: null));
        group.MapPost("", SignInAsync).RequireRateLimiting(SignInRateLimit.Policy).DisableAntiforgery();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> SignInAsync(HttpContext context, IAntiforgery antiforgery, PasswordCheck passwords, AccountClaims claims)
    {
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync();
        }
        catch (InvalidDataException)
        {
            // A NUL (%00) in a field: the form reader refuses the whole form.
            return Form(context, antiforgery, returnUrl: null, "The form contains a character it cannot carry (a NUL); sign in again.");
        }
        var returnUrl = form["returnUrl"].ToString();
        // A page, never JSON: the person reads it in a browser.
        if (!await antiforgery.IsRequestValidAsync(context))
            return Form(context, antiforgery, returnUrl, "The sign-in form expired; sign in again.", StatusCodes.Status400BadRequest);
        var (user, refusal) = await passwords.VerifyAsync(form["email"].ToString(), form["password"].ToString(),
            context.Connection.RemoteIpAddress?.ToString());
        if (user is null)
            return Form(context, antiforgery, returnUrl, refusal);

        // The same claims as a token: the portal's pages, the API and the jobs dashboard read them alike.
        await context.SignInAsync(IdentityConstants.ApplicationScheme, await claims.ForCookieAsync(user, context.RequestAborted));
        // Only local addresses: the form must not become an open redirect.
        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    // A control character makes the framework's own redirect refuse the address (a 500 after a right password).
    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl);

    public static ContentHttpResult Form(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error,
        int status = StatusCodes.Status400BadRequest)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");
        var html = $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in - SurveyService</title></head>
            <body><main><h1>Sign in</h1>
            {(error is null ? "" : $"<p role=\"alert\">{Encode(error)}</p>")}
            <form method="post" action="{Path}">
              <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">
              <input type="hidden" name="returnUrl" value="{Encode(returnUrl)}">
              <label>Email <input name="email" type="email" autocomplete="username" required></label>
              <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in</button>
            </form></main></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: error is null ? StatusCodes.Status200OK : status);
    }
}

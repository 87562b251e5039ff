using System.Net;
using System.Security.Claims;
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
        group.MapPost("", SignInAsync).RequireRateLimiting(IdentitySetup.SignInRateLimit).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, UserManager<SurveyUser> users)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return TypedResults.Problem("The sign-in form expired; reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        var form = await context.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        var (user, refusal) = await users.VerifyPasswordAsync(form["email"].ToString(), form["password"].ToString());
        if (user is null)
            return Form(context, antiforgery, returnUrl, refusal);

        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, ClaimTypes.Name, OpenIddict.Abstractions.OpenIddictConstants.Claims.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        // Staff signed in here may also open the jobs dashboard, which reads the role from this cookie.
        if (user.StaffRole is { } role)
            identity.AddClaim(new Claim(OpenIddict.Abstractions.OpenIddictConstants.Claims.Role, role.ToString()));
        await context.SignInAsync(IdentityConstants.ApplicationScheme, new ClaimsPrincipal(identity));
        // Only local addresses: the form must not become an open redirect.
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Form(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error)
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
        return Results.Content(html, "text/html; charset=utf-8", statusCode: error is null ? 200 : 400);
    }
}

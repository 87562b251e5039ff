using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using SurveyService.Data.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SurveyService.Identity;

/// <summary>
/// The OpenID Connect endpoints whose requests OpenIddict has already validated and passes
/// through: this code only decides who the caller is and what the token says.
/// </summary>
internal static class ConnectEndpoints
{
    public static IEndpointRouteBuilder MapConnect(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").WithTags("Identity").ExcludeFromDescription();
        connect.MapPost("/token", IssueToken).RequireRateLimiting(SignInRateLimit.Policy);
        connect.MapMethods("/userinfo", ["GET", "POST"], (Func<HttpContext, AccountStanding, Task<Results<Ok<Dictionary<string, object?>>, ChallengeHttpResult>>>)UserInfo);
        connect.MapMethods("/authorize", ["GET", "POST"], Authorize);
        return app;
    }

    private static async Task<Results<SignInHttpResult, ForbidHttpResult>> IssueToken(HttpContext context, UserManager<SurveyUser> users,
        PasswordCheck passwords, AccountClaims claims)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsPasswordGrantType())
        {
            var (user, refusal) = await passwords.VerifyAsync(request.Username ?? "", request.Password ?? "",
                context.Connection.RemoteIpAddress?.ToString());
            if (user is null)
                return Refuse(refusal!.Message);
            return SignIn(await claims.ForTokenAsync(user, request.GetScopes(), context.RequestAborted));
        }

        if (request.IsRefreshTokenGrantType() || request.IsAuthorizationCodeGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = await users.FindByIdAsync(result.Principal?.GetClaim(Claims.Subject) ?? "");
            if (await AccountClaims.RefusalAsync(users, user) is { } refusal)
                return Refuse(refusal);
            return SignIn(await claims.ForTokenAsync(user!, result.Principal!.GetScopes(), context.RequestAborted));
        }

        return Refuse("This grant type is not supported.", Errors.UnsupportedGrantType);
    }

    private static async Task<Results<Ok<Dictionary<string, object?>>, ChallengeHttpResult>> UserInfo(HttpContext context, AccountStanding standing)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
            return TypedResults.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        // The server, not the validation handler, reads the token here, so the account is asked here.
        if (await standing.RefusalAsync(principal.GetClaim(Claims.Subject) ?? "") is { } refusal)
            return TypedResults.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = refusal,
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

        var claims = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [Claims.Subject] = principal.GetClaim(Claims.Subject),
            [Claims.Email] = principal.GetClaim(Claims.Email),
            [Claims.Name] = principal.GetClaim(Claims.Name),
        };
        foreach (var type in new[] { SurveyClaims.Category, SurveyClaims.EntityId, SurveyClaims.EntityName, Claims.Role })
        {
            if (principal.GetClaim(type) is { } value)
                claims[type] = value;
        }
        return TypedResults.Ok(claims);
    }

    /// <summary>
    /// Authorization code with PKCE, for the web portal: a person signed in on the portal sign-in
    /// page (an Identity cookie) gets a code; anyone else is sent there first.
    /// </summary>
    private static async Task<Results<SignInHttpResult, ChallengeHttpResult>> Authorize(HttpContext context, UserManager<SurveyUser> users, AccountClaims claims)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal!) : null;
        if (user is null || await AccountClaims.RefusalAsync(users, user) is not null)
        {
            var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }
        return SignIn(await claims.ForTokenAsync(user, request.GetScopes(), context.RequestAborted));
    }

    private static SignInHttpResult SignIn(ClaimsPrincipal principal) =>
        TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static ForbidHttpResult Refuse(string description, string error = Errors.InvalidGrant) =>
        TypedResults.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

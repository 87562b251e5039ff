using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace SurveyService.Identity;

/// <summary>
/// Where each door asks <see cref="AccountStanding"/>: after a bearer token's signature and
/// lifetime are checked, and when the portal's cookie is read. A refused caller is anonymous for
/// the rest of the request, and the 401 says why (<see cref="AuthorizationProblems"/>).
/// </summary>
internal static class AccountStandingChecks
{
    private static readonly object RefusalKey = new();

    /// <summary>Why this request's token or cookie was refused for its account, if it was.</summary>
    public static string? RefusalOf(HttpContext context) => context.Items[RefusalKey] as string;

    public static readonly OpenIddictValidationHandlerDescriptor BearerToken =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseScopedHandler<RefuseTokenOfRefusedAccount>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 1_000)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.UserId() is not { } userId)
            return;
        var standing = context.HttpContext.RequestServices.GetRequiredService<AccountStanding>();
        if (await standing.RefusalAsync(userId) is not { } refusal)
            return;
        context.HttpContext.Items[RefusalKey] = refusal;
        context.RejectPrincipal();
        // The browser drops the cookie, so the portal asks the person to sign in again.
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    private sealed class RefuseTokenOfRefusedAccount(AccountStanding standing) : IOpenIddictValidationHandler<ProcessAuthenticationContext>
    {
        public async ValueTask HandleAsync(ProcessAuthenticationContext context)
        {
            if (context.AccessTokenPrincipal?.GetClaim(Claims.Subject) is not { } userId
                || await standing.RefusalAsync(userId) is not { } refusal)
                return;
            if (context.Transaction.GetHttpRequest()?.HttpContext is { } http)
                http.Items[RefusalKey] = refusal;
            context.Reject(Errors.InvalidToken, refusal);
        }
    }
}

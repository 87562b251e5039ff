using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace SurveyService.Identity;

/// <summary>
/// Every 401 and 403 of the API says why, in problem+json: a missing token is not a refused one,
/// and a refused request names what it needs (a staff role, a respondent, which categories).
/// The schemes still challenge and forbid as they do (the WWW-Authenticate header stays).
/// </summary>
internal sealed class AuthorizationProblems(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        await standard.HandleAsync(next, context, policy, result);
        if (result.Succeeded || !context.Request.Path.StartsWithSegments("/api") || context.Response.HasStarted)
            return;
        var (status, title, detail) = result.Challenged
            ? (StatusCodes.Status401Unauthorized, "Sign-in required.", Unauthenticated(context))
            : (StatusCodes.Status403Forbidden, "Not allowed.", Forbidden(context, result.AuthorizationFailure));
        context.Response.StatusCode = status;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Unauthenticated(HttpContext context) =>
        AccountStandingChecks.RefusalOf(context) is { } refusal ? $"{refusal} Its access token or portal session no longer works."
        : context.Request.Headers.Authorization.Count > 0
            ? "The access token was refused: it has expired, was revoked, or was not issued by this service. Get a new one from /connect/token."
            : "Sign in first: send an access token as 'Authorization: Bearer …' (from /connect/token), or sign in on the portal.";

    private static string Forbidden(HttpContext context, AuthorizationFailure? failure)
    {
        var needs = failure?.FailedRequirements.Select(Needs).FirstOrDefault(n => n is not null)
            ?? "a permission this account does not have";
        return $"This needs {needs}; you are signed in as {Who(context)}.";
    }

    private static string? Needs(IAuthorizationRequirement requirement) => requirement switch
    {
        RolesAuthorizationRequirement roles => $"the {string.Join(" or ", roles.AllowedRoles)} role",
        ClaimsAuthorizationRequirement { ClaimType: SurveyClaims.Category, AllowedValues: { } categories } when categories.Any() =>
            $"a respondent of the categories {string.Join(", ", categories)}",
        ClaimsAuthorizationRequirement { ClaimType: SurveyClaims.Category } => "a respondent (a focal point of an entity)",
        AssertionRequirement => $"a token granted the {SurveyClaims.Scope} scope (ask for scope=\"openid offline_access {SurveyClaims.Scope}\" at /connect/token)",
        _ => null,
    };

    private static string Who(HttpContext context) =>
        StaffMember.From(context.User) is { } staff ? $"{staff.Role} staff"
        : Respondent.From(context.User) is { } respondent ? $"a {respondent.Category} respondent"
        : "an account that is neither staff nor a respondent";
}

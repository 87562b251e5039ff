using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using SurveyService.Questionnaires;

namespace SurveyService.Identity;

/// <summary>Names of the authorization policies; endpoints read as RequireAuthorization(Policies.Secretariat).</summary>
public static class Policies
{
    public const string Secretariat = nameof(StaffRole.Secretariat);
    public const string Analyst = nameof(StaffRole.Analyst);
    public const string Staff = "Staff";
    public const string Respondent = "Respondent";
    public const string MemberStates = nameof(QuestionTier.MemberStates);
    public const string Membership = nameof(QuestionTier.Membership);
    public const string Open = nameof(QuestionTier.Open);

    public static void Add(AuthorizationBuilder authorization)
    {
        authorization
            .SetDefaultPolicy(EitherDoor().Build())
            .AddPolicy(Secretariat, EitherDoor().RequireRole(Secretariat).Build())
            .AddPolicy(Analyst, EitherDoor().RequireRole(Analyst).Build())
            .AddPolicy(Staff, EitherDoor().RequireRole(Secretariat, Analyst).Build())
            .AddPolicy(Respondent, EitherDoor().RequireClaim(SurveyClaims.Category).Build());
        foreach (var tier in Enum.GetValues<QuestionTier>())
        {
            var admitted = TierRule.CategoriesAdmittedTo(tier).Select(category => category.ToString());
            authorization.AddPolicy(tier.ToString(), EitherDoor().RequireClaim(SurveyClaims.Category, admitted).Build());
        }
    }

    /// <summary>
    /// Either door: a bearer token (API clients) or the portal's cookie; both carry the same claims.
    /// A token must have been granted the survey scope: one asked for sign-in alone does not open the API.
    /// </summary>
    private static AuthorizationPolicyBuilder EitherDoor() =>
        new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.Identities.Any(i => i.AuthenticationType == IdentityConstants.ApplicationScheme)
                || context.User.HasScope(SurveyClaims.Scope));

    public static bool IsStaff(this ClaimsPrincipal user) =>
        user.IsInRole(Secretariat) || user.IsInRole(Analyst);

    /// <summary>The respondent's category, or null for staff and anonymous callers.</summary>
    public static RespondentCategory? Category(this ClaimsPrincipal user) =>
        Enum.TryParse<RespondentCategory>(user.FindFirstValue(SurveyClaims.Category), out var category) ? category : null;

    public static Guid? EntityId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SurveyClaims.EntityId), out var id) ? id : null;

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(OpenIddictConstants.Claims.Subject);
}

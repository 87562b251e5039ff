using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using SurveyService.Data.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SurveyService.Identity;

/// <summary>
/// What a token says about its holder: respondents carry their entity and its category, staff
/// their role. Read fresh from the database at every grant, so a refresh reflects changes.
/// </summary>
internal sealed class TokenIdentityFactory(SurveyDbContext db)
{
    public async Task<ClaimsPrincipal> CreateAsync(SurveyUser user, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.DisplayName);

        if (user.StaffRole is { } role)
            identity.SetClaim(Claims.Role, role.ToString());
        if (user.EntityId is { } entityId
            && await db.Entities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entityId, cancellationToken) is { } entity)
        {
            identity.SetClaim(SurveyClaims.Category, entity.Category.ToString())
                .SetClaim(SurveyClaims.EntityId, entity.Id.ToString())
                .SetClaim(SurveyClaims.EntityName, entity.Name);
        }

        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type switch
        {
            // The subject is always in both; everything else goes into the identity token only
            // when the client asked for openid, and always into the access token the API reads.
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            _ when scopes.Contains(Scopes.OpenId) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Why this account may not have a token now, or null when it may.</summary>
    public static async Task<string?> RefusalAsync(UserManager<SurveyUser> users, SurveyUser? user) =>
        user is null ? "The account no longer exists."
        : await users.IsLockedOutAsync(user) ? LockedMessage(user)
        : null;

    public static string LockedMessage(SurveyUser user) =>
        $"The account is locked after repeated failed sign-ins until {user.LockoutEnd:u}.";
}

using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using SurveyService.Data.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SurveyService.Identity;

/// <summary>
/// What both doors know of an account: respondents carry their entity and its category, staff
/// their role. A token and the portal's cookie get the same claims, read fresh from the database
/// at every grant and sign-in, so a refresh reflects changes.
/// </summary>
internal sealed class AccountClaims(SurveyDbContext db)
{
    public async Task<ClaimsPrincipal> ForTokenAsync(SurveyUser user, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var identity = await IdentityAsync(user, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, cancellationToken);
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

    public async Task<ClaimsPrincipal> ForCookieAsync(SurveyUser user, CancellationToken cancellationToken) =>
        new(await IdentityAsync(user, IdentityConstants.ApplicationScheme, cancellationToken));

    private async Task<ClaimsIdentity> IdentityAsync(SurveyUser user, string scheme, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(scheme, Claims.Name, Claims.Role);
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
        return identity;
    }

    /// <summary>
    /// Why this account may not have a token now, or null when it may: read fresh at every grant,
    /// where <see cref="AccountStanding"/> may answer from its short memory.
    /// </summary>
    public static async Task<string?> RefusalAsync(UserManager<SurveyUser> users, SurveyUser? user) =>
        user is null ? AccountStanding.Removed
        : await users.IsLockedOutAsync(user) ? AccountStanding.Locked(user.LockoutEnd!.Value)
        : null;
}

using System.Security.Claims;

namespace SurveyService.Identity;

/// <summary>
/// A focal point answering for an entity of a category, as either door knows them: the claims of
/// a bearer token and of the portal's cookie are the same (<see cref="AccountClaims"/>).
/// </summary>
public sealed record Respondent(string UserId, Guid EntityId, RespondentCategory Category)
{
    /// <summary>The caller as a respondent, or null for staff and anonymous callers.</summary>
    public static Respondent? From(ClaimsPrincipal user) =>
        user.Category() is { } category && user.EntityId() is { } entityId && user.UserId() is { } userId
            ? new Respondent(userId, entityId, category)
            : null;
}

/// <summary>A member of the Secretariat or an analyst, as either door knows them.</summary>
public sealed record StaffMember(string UserId, StaffRole Role)
{
    public static StaffMember? From(ClaimsPrincipal user) =>
        user.UserId() is not { } userId ? null
        : user.IsInRole(Policies.Secretariat) ? new StaffMember(userId, StaffRole.Secretariat)
        : user.IsInRole(Policies.Analyst) ? new StaffMember(userId, StaffRole.Analyst)
        : null;
}

using SurveyService.Data.Entities;

namespace SurveyService.Accounts;

/// <summary>An account as the Secretariat's lists show it.</summary>
public sealed record ListedAccount(string Id, string Email, string DisplayName, StaffRole? Role, bool Disabled);

/// <summary>The accounts the Secretariat looks after: an entity's focal points, and the staff. Both doors read them here.</summary>
internal sealed class AccountReads(SurveyDbContext db)
{
    /// <summary>The entity with its focal points by address, or null when there is no such entity.</summary>
    public async Task<(Entity Entity, ListedAccount[] FocalPoints)?> FocalPointsAsync(Guid entityId)
    {
        if (await db.Entities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entityId) is not { } entity)
            return null;
        var users = await db.Users.AsNoTracking().Where(u => u.EntityId == entityId).OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.LockoutEnd }).ToListAsync();
        return (entity, [.. users.Select(u => new ListedAccount(u.Id, u.Email!, u.DisplayName, null, AccountAccess.IsDisabled(u.LockoutEnd)))]);
    }

    public async Task<ListedAccount[]> StaffAsync()
    {
        var users = await db.Users.AsNoTracking().Where(u => u.StaffRole != null).OrderBy(u => u.StaffRole).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.StaffRole, u.LockoutEnd }).ToListAsync();
        return [.. users.Select(u => new ListedAccount(u.Id, u.Email!, u.DisplayName, u.StaffRole, AccountAccess.IsDisabled(u.LockoutEnd)))];
    }
}

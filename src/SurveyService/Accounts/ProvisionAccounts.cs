using SurveyService.Data.Entities;

namespace SurveyService.Accounts;

/// <summary>The Secretariat provisions who may answer (entities of any category and their focal points) and its own staff.</summary>
internal sealed class ProvisionAccounts(SurveyDbContext db, AccountCreation accounts, TimeProvider clock)
{
    public async Task<Entity> EntityAsync(string name, RespondentCategory category, string? countryCode)
    {
        var entity = new Entity
        {
            Name = name.Trim(),
            Category = category,
            CountryCode = countryCode?.ToUpperInvariant(),
            CreatedAt = clock.UtcNow(),
        };
        db.Entities.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }

    public async Task<AccountOutcome> FocalPointAsync(Guid entityId, string email, string displayName, string password)
    {
        var entity = await db.Entities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entityId);
        return entity is null
            ? new AccountOutcome.EntityNotFound(entityId)
            : await accounts.CreateAsync(email, displayName, password, entity, role: null);
    }

    public Task<AccountOutcome> StaffAsync(string email, string displayName, string password, StaffRole role) =>
        accounts.CreateAsync(email, displayName, password, entity: null, role);
}

using SurveyService.Data.Entities;

namespace SurveyService.Accounts;

/// <summary>
/// A non-member registers itself: an entity of the category Stakeholder, always, whatever it says,
/// with the account as its focal point.
/// </summary>
internal sealed class RegisterStakeholder(SurveyDbContext db, AccountCreation accounts, TimeProvider clock)
{
    public async Task<AccountOutcome> RegisterAsync(RegistrationRequest registration)
    {
        // The entity is only tracked here; Identity's SaveChanges writes it with the user, in one
        // transaction, so a refused account leaves no orphan entity behind.
        var entity = new Entity
        {
            Name = (string.IsNullOrWhiteSpace(registration.Organization) ? registration.DisplayName! : registration.Organization).Trim(),
            Category = RespondentCategory.Stakeholder,
            CountryCode = registration.Country?.ToUpperInvariant(),
            StakeholderGroup = registration.StakeholderGroup?.Trim(),
            CreatedAt = clock.UtcNow(),
        };
        db.Entities.Add(entity);
        return await accounts.CreateAsync(registration.Email!, registration.DisplayName!, registration.Password!, entity, role: null);
    }
}

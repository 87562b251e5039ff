using Microsoft.AspNetCore.Identity;
using SurveyService.Data.Entities;

namespace SurveyService.Data.Accounts;

/// <summary>
/// A person who signs in: either a focal point of an entity (a respondent, whose category is the
/// entity's) or a member of staff. Never both.
/// </summary>
public sealed class SurveyUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid? EntityId { get; set; }
    public Entity? Entity { get; set; }
    public StaffRole? StaffRole { get; set; }
}

namespace SurveyService.Data.Entities;

/// <summary>
/// The body that answers: a Member State's administration, a company, a university, an NGO or a
/// person. Its accounts are its focal points; it holds one submission per consultation.
/// </summary>
public sealed class Entity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public RespondentCategory Category { get; set; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string? CountryCode { get; set; }

    /// <summary>For self-registered stakeholders: civil society, private sector, and so on.</summary>
    public string? StakeholderGroup { get; set; }
    public DateTime CreatedAt { get; init; }
}

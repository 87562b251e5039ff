namespace SurveyService.Identity;

/// <summary>Claim types the tokens carry beyond the standard ones (sub, email, name, role).</summary>
public static class SurveyClaims
{
    public const string Category = "category";
    public const string EntityId = "entity_id";
    public const string EntityName = "entity_name";
    public const string Scope = "survey";
}

using System.Security.Claims;
using SurveyService.Identity;

namespace SurveyService.Questionnaires;

/// <summary>
/// The tiers a caller may know about: staff every tier, a respondent those its category is asked,
/// anyone else what is open to everyone. Counts and question numbers shown to a caller are of
/// these only, so that neither gives away how many questions are reserved to others.
/// </summary>
internal static class VisibleTiers
{
    public static QuestionTier[] Of(ClaimsPrincipal user) =>
        user.IsStaff() ? Enum.GetValues<QuestionTier>()
        : user.Category() is { } category ? [.. TierRule.TiersVisibleTo(category)]
        : [QuestionTier.Open];
}

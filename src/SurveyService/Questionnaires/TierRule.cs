using SurveyService.Data.Consultations;

namespace SurveyService.Questionnaires;

/// <summary>
/// The one place that decides who sees what: a category sees a question when the question's tier
/// admits it. MemberState sees i, ii and iii; SectorMember, Associate and Academia see ii and iii;
/// Stakeholder sees iii only.
/// </summary>
public static class TierRule
{
    public static bool Admits(this QuestionTier tier, RespondentCategory category) => tier switch
    {
        QuestionTier.MemberStates => category == RespondentCategory.MemberState,
        QuestionTier.Membership => category != RespondentCategory.Stakeholder,
        QuestionTier.Open => true,
        _ => false,
    };

    /// <summary>The questions a category is asked, in the order given: which questions apply to a respondent.</summary>
    public static IEnumerable<Question> AskedOf(this IEnumerable<Question> questions, RespondentCategory category) =>
        questions.Where(question => question.Tier.Admits(category));

    public static IReadOnlyList<RespondentCategory> CategoriesAdmittedTo(QuestionTier tier) =>
        Enum.GetValues<RespondentCategory>().Where(category => tier.Admits(category)).ToArray();

    public static IReadOnlyList<QuestionTier> TiersVisibleTo(RespondentCategory category) =>
        Enum.GetValues<QuestionTier>().Where(tier => tier.Admits(category)).ToArray();
}

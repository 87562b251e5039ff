namespace SurveyService.Demo;

/// <summary>
/// Annex C of the WG-Study chairman's report (Council Working Group on stakeholder participation,
/// 2007): the draft questionnaire for open consultations, its questions divided into the three
/// tiers agreed at the third meeting. Texts verbatim.
/// </summary>
internal static class WgStudyQuestionnaire
{
    public const string Title = "WG-Study open consultation on the participation of all relevant stakeholders in ITU's WSIS-related activities";

    public const string Description =
        "Draft questionnaire (Annex C). Questions are divided into three categories: i) addressed to ITU Member States only; "
        + "ii) addressed to ITU Member States, Sector Members, and Associates; iii) addressed to ITU Member States, Sector Members, "
        + "Associates, and all WSIS stakeholders (that are not members of ITU). Inputs are treated differently depending upon whether "
        + "they were submitted by a Member State, a Sector Member, an Associate or a non-member of the ITU; comments that do not "
        + "relate directly to the questions asked will not be taken into account.";

    public static readonly (string Code, QuestionTier Tier, string Text)[] Questions =
    [
        ("1a", QuestionTier.MemberStates, "What are the spheres of competence that ITU Member States reserve for themselves with regard to WSIS stakeholders (that are not members of the ITU) and the possible denunciation of their participation in ITU?"),
        ("1b", QuestionTier.MemberStates, "Are the current definitions of Sector Members, Associates and experts contained in the ITU basic texts sufficient to include participation of all stakeholders (that are not members of the ITU) in ITU WSIS-related activities?"),
        ("1c", QuestionTier.MemberStates, "What are possible amendments to the definitions of Sector Members, Associates and experts, in the ITU basic texts, which would enhance participation in ITU WSIS-related activities?"),
        ("2a", QuestionTier.Membership, "What might be the financial implications of the participation of all stakeholders (that are not members of the ITU) in ITU-WSIS related activities?"),
        ("2b", QuestionTier.Membership, "What are the other challenges to the Union and its members posed by the participation of all relevant stakeholders (that are not members of the ITU) in the activities of the Union related to WSIS, and how can such challenges be met?"),
        ("3a", QuestionTier.Open, "What “added value” might stakeholders (that are not members of the ITU) bring to the work of ITU in its WSIS-related activities?"),
        ("3b", QuestionTier.Open, "What criteria could be suggested for defining which stakeholders (that are not members of the ITU) might be “relevant” to participate in ITU activities related to WSIS, taking into account a) above?"),
        ("3c", QuestionTier.Open, "What are the challenges (including financial) to stakeholders (that are not members of the ITU) posed by their participation in the activities of the Union related to WSIS, and how can such challenges be met?"),
        ("3d", QuestionTier.Open, "How can existing mechanisms (e.g. partnerships, symposia, seminars, workshops, focus groups, policy forums, experts) for participation by stakeholders (that are not members of ITU) be used more effectively, and what other mechanisms could be suggested?"),
        ("3e", QuestionTier.Open, "What specific efforts may be needed to mobilize and ensure the meaningful and effective participation of all relevant stakeholders (that are not members of the ITU) from developing countries, and stakeholders in the development field?"),
    ];

    /// <summary>1b is a yes-or-no question at heart; asking it as a choice gives the analysis figures to weigh.</summary>
    public static readonly string[] DefinitionsSufficientOptions = ["Yes", "No", "Partly"];
}

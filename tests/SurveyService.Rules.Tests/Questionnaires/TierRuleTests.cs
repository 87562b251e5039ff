using SurveyService.Questionnaires;
using static SurveyService.Data.QuestionTier;
using static SurveyService.Data.RespondentCategory;

namespace SurveyService.Rules.Tests.Questionnaires;

public class TierRuleTests
{
    [Fact]
    public void MemberStateIsAskedQuestionsOfEveryTier() =>
        Assert.Equal([MemberStates, Membership, Open], TierRule.TiersVisibleTo(MemberState));

    [Theory]
    [InlineData(SectorMember)]
    [InlineData(Associate)]
    [InlineData(Academia)]
    public void SectorMemberAssociateAndAcademiaAreAskedMembershipAndOpenQuestions(RespondentCategory category) =>
        Assert.Equal([Membership, Open], TierRule.TiersVisibleTo(category));

    [Fact]
    public void StakeholderIsAskedOnlyOpenQuestions() =>
        Assert.Equal([Open], TierRule.TiersVisibleTo(Stakeholder));

    [Fact]
    public void OnlyMemberStatesAreAdmittedToMemberStatesQuestions() =>
        Assert.Equal([MemberState], TierRule.CategoriesAdmittedTo(MemberStates));

    [Fact]
    public void EveryoneButStakeholdersIsAdmittedToMembershipQuestions() =>
        Assert.Equal([MemberState, SectorMember, Associate, Academia], TierRule.CategoriesAdmittedTo(Membership));

    [Fact]
    public void EveryCategoryIsAdmittedToOpenQuestions() =>
        Assert.Equal(Enum.GetValues<RespondentCategory>(), TierRule.CategoriesAdmittedTo(Open));

    [Fact]
    public void ATierTheRuleDoesNotKnowAdmitsNoOne() =>
        Assert.Empty(TierRule.CategoriesAdmittedTo((QuestionTier)99));

    [Fact]
    public void AskedOfKeepsTheQuestionsTheCategorySeesInTheOrderGiven()
    {
        var questions = new[]
        {
            Make.Question("3", Open), Make.Question("1", MemberStates), Make.Question("2", Membership), Make.Question("4", Open),
        };

        Assert.Equal(["3", "1", "2", "4"], questions.AskedOf(MemberState).Select(q => q.Code));
        Assert.Equal(["3", "2", "4"], questions.AskedOf(Academia).Select(q => q.Code));
        Assert.Equal(["3", "4"], questions.AskedOf(Stakeholder).Select(q => q.Code));
    }
}

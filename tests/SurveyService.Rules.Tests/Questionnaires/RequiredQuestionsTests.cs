using SurveyService.Questionnaires;

namespace SurveyService.Rules.Tests.Questionnaires;

public class RequiredQuestionsTests
{
    [Fact]
    public void EveryRequiredQuestionIsListedWhileNothingIsAnswered()
    {
        var questions = new[] { Make.Question("1", required: true, order: 1), Make.Question("2", required: true, order: 2) };

        Assert.Equal(["1", "2"], RequiredQuestions.Unanswered(questions, RespondentCategory.MemberState, []));
    }

    [Fact]
    public void AnAnsweredRequiredQuestionIsNoLongerListed()
    {
        var first = Make.Question("1", required: true, order: 1);
        var second = Make.Question("2", required: true, order: 2);

        Assert.Equal(["2"], RequiredQuestions.Unanswered([first, second], RespondentCategory.MemberState, [first.Id]));
        Assert.Empty(RequiredQuestions.Unanswered([first, second], RespondentCategory.MemberState, [second.Id, first.Id]));
    }

    [Fact]
    public void AnOptionalQuestionIsNeverRequired()
    {
        var questions = new[] { Make.Question("1", required: false, order: 1), Make.Question("2", required: true, order: 2) };

        Assert.Equal(["2"], RequiredQuestions.Unanswered(questions, RespondentCategory.MemberState, []));
    }

    [Fact]
    public void ARequiredQuestionOutsideTheCategorysTiersIsNotRequiredOfIt()
    {
        var questions = new[]
        {
            Make.Question("i", QuestionTier.MemberStates, required: true, order: 1),
            Make.Question("ii", QuestionTier.Membership, required: true, order: 2),
            Make.Question("iii", QuestionTier.Open, required: true, order: 3),
        };

        Assert.Equal(["iii"], RequiredQuestions.Unanswered(questions, RespondentCategory.Stakeholder, []));
        Assert.Equal(["ii", "iii"], RequiredQuestions.Unanswered(questions, RespondentCategory.Associate, []));
        Assert.Equal(["i", "ii", "iii"], RequiredQuestions.Unanswered(questions, RespondentCategory.MemberState, []));
    }

    [Fact]
    public void UnansweredQuestionsComeInQuestionnaireOrderNotListOrder()
    {
        var questions = new[]
        {
            Make.Question("3", required: true, order: 3), Make.Question("1", required: true, order: 1), Make.Question("2", required: true, order: 2),
        };

        Assert.Equal(["1", "2", "3"], RequiredQuestions.Unanswered(questions, RespondentCategory.Stakeholder, []));
    }
}

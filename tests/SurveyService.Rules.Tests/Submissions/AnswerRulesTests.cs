using SurveyService.Data.Submissions;
using SurveyService.Problems;
using SurveyService.Submissions;

namespace SurveyService.Rules.Tests.Submissions;

public class AnswerRulesTests
{
    private static readonly Question Comment = Make.Question("c1", type: QuestionType.Text, maxLength: 10);
    private static readonly Question Essay = Make.Question("c2", type: QuestionType.Text);
    private static readonly Question Pick = Make.Question("p1", type: QuestionType.SingleChoice, options: ["Yes", "No"]);
    private static readonly Question Many = Make.Question("m1", type: QuestionType.MultipleChoice, options: ["A", "B", "C"]);
    private static readonly Question Rating = Make.Question("s1", type: QuestionType.Scale, scaleMin: 1, scaleMax: 5);

    private static readonly Dictionary<Guid, Question> Questions =
        new[] { Comment, Essay, Pick, Many, Rating }.ToDictionary(q => q.Id);

    private static AnswerInput Text(Question q, string? text) => new(q.Id, text, null, null);
    private static AnswerInput Choose(Question q, params string?[]? choices) => new(q.Id, null, choices, null);
    private static AnswerInput Value(Question q, int? value) => new(q.Id, null, null, value);

    private static Dictionary<string, string[]> Errors(params AnswerInput?[] answers) =>
        AnswerRules.Validate(answers, Questions).ToDictionary();

    private static string[] ErrorsAt(string field, params AnswerInput?[] answers)
    {
        var errors = Errors(answers);
        Assert.Equal([field], errors.Keys);
        return errors[field];
    }

    // Tiers

    [Fact]
    public void AnAnswerToAQuestionOutsideTheCategorysTiersIsFound()
    {
        var restricted = Make.Question("r1", QuestionTier.MemberStates);
        var members = Make.Question("r2", QuestionTier.Membership);
        var open = Make.Question("o1", QuestionTier.Open);
        var questions = new[] { restricted, members, open }.ToDictionary(q => q.Id);
        AnswerInput[] answers = [Text(open, "x"), Text(members, "x"), Text(restricted, "x")];

        Assert.Same(members, AnswerRules.FirstOutsideTiers(answers, questions, RespondentCategory.Stakeholder));
        Assert.Same(restricted, AnswerRules.FirstOutsideTiers(answers, questions, RespondentCategory.Academia));
        Assert.Null(AnswerRules.FirstOutsideTiers(answers, questions, RespondentCategory.MemberState));
    }

    [Fact]
    public void AnswersWithoutAKnownQuestionAreNotTakenForTierBreaches()
    {
        var restricted = Make.Question("r1", QuestionTier.MemberStates);
        var questions = new[] { restricted }.ToDictionary(q => q.Id);
        AnswerInput?[] answers = [null, new AnswerInput(null, "x", null, null), new AnswerInput(Guid.NewGuid(), "x", null, null)];

        Assert.Null(AnswerRules.FirstOutsideTiers(answers, questions, RespondentCategory.Stakeholder));
        Assert.Same(restricted, AnswerRules.FirstOutsideTiers([.. answers, Text(restricted, "x")], questions, RespondentCategory.Stakeholder));
    }

    // Shape

    [Fact]
    public void AnswersThatFitTheirQuestionsHaveNoErrors() =>
        Assert.Empty(Errors(Text(Comment, "0123456789"), Text(Essay, new string('x', 50_000)), Choose(Pick, "No"),
            Choose(Many, "C", "A"), Value(Rating, 3)));

    [Fact]
    public void NoAnswersHaveNoErrors() => Assert.Empty(Errors());

    [Fact]
    public void AnAnswerWithoutAQuestionIdIsRefusedBeforeAnythingElse()
    {
        var messages = ErrorsAt("answers[1].questionId", Text(Comment, "far too long for c1"), new AnswerInput(null, "x", null, null));

        Assert.Contains("questionId", Assert.Single(messages));
    }

    [Fact]
    public void AMissingAnswerIsRefusedLikeOneWithoutAQuestionId() =>
        Assert.Single(ErrorsAt("answers[0].questionId", [null]));

    [Fact]
    public void AQuestionAnsweredTwiceIsRefused()
    {
        var messages = ErrorsAt("answers[2].questionId", Choose(Pick, "Yes"), Text(Comment, "ok"), Choose(Pick, "No"));

        Assert.Contains(Pick.Id.ToString(), Assert.Single(messages));
    }

    [Fact]
    public void CheckShapeAddsToTheErrorsItIsGiven()
    {
        var errors = new ValidationErrors();
        errors.Add("other", "already wrong");

        AnswerRules.CheckShape([Text(Comment, "a"), Text(Comment, "b")], errors);

        Assert.Equal(["answers[1].questionId", "other"], errors.ToDictionary().Keys.Order());
    }

    [Fact]
    public void AnAnswerToAQuestionTheConsultationDoesNotHaveIsRefused()
    {
        var stranger = Guid.NewGuid();

        var messages = ErrorsAt("answers[1].questionId", Text(Comment, "ok"), new AnswerInput(stranger, "x", null, null));

        Assert.Contains(stranger.ToString(), Assert.Single(messages));
    }

    [Fact]
    public void EveryBrokenAnswerIsReportedNotOnlyTheFirst()
    {
        var errors = Errors(new AnswerInput(Guid.NewGuid(), "x", null, null), Text(Comment, null), Value(Rating, 9));

        Assert.Equal(["answers[0].questionId", "answers[1].text", "answers[2].value"], errors.Keys.Order());
    }

    // Text

    [Fact]
    public void ATextQuestionNeedsText() =>
        Assert.Contains("c1", Assert.Single(ErrorsAt("answers[0].text", Text(Comment, null))));

    [Fact]
    public void ATextAnswerLongerThanTheQuestionAllowsIsRefused()
    {
        var message = Assert.Single(ErrorsAt("answers[0].text", Text(Comment, "01234567890")));

        Assert.Contains("11 characters", message);
        Assert.Contains("at most 10", message);
    }

    [Fact]
    public void ATextAnswerOfExactlyTheMaximumLengthIsAccepted() =>
        Assert.Empty(Errors(Text(Comment, "0123456789")));

    [Fact]
    public void ATextQuestionTakesNoChoicesAndNoValue()
    {
        var errors = Errors(new AnswerInput(Comment.Id, "ok", ["Yes"], 3));

        Assert.Equal(["answers[0].choices", "answers[0].value"], errors.Keys.Order());
        Assert.All(errors.Values, messages => Assert.Contains("c1 is a Text question", Assert.Single(messages)));
    }

    // Choices

    [Fact]
    public void AChoiceQuestionNeedsAChoice()
    {
        Assert.Contains("one of: Yes, No", Assert.Single(ErrorsAt("answers[0].choices", Choose(Pick, null))));
        Assert.Contains("one of: Yes, No", Assert.Single(ErrorsAt("answers[0].choices", Choose(Pick))));
        Assert.Contains("one or more of: A, B, C", Assert.Single(ErrorsAt("answers[0].choices", Choose(Many))));
    }

    [Fact]
    public void ASingleChoiceQuestionTakesOneChoiceOnly() =>
        Assert.Contains("2 were given", Assert.Single(ErrorsAt("answers[0].choices", Choose(Pick, "Yes", "No"))));

    [Fact]
    public void AMultipleChoiceQuestionTakesSeveralChoices() =>
        Assert.Empty(Errors(Choose(Many, "A", "B", "C")));

    [Fact]
    public void TheSameOptionChosenTwiceIsRefused() =>
        Assert.Contains("more than once", Assert.Single(ErrorsAt("answers[0].choices", Choose(Many, "A", "A"))));

    [Fact]
    public void AChoiceThatIsNotAnOptionIsRefusedWithTheOptions()
    {
        var message = Assert.Single(ErrorsAt("answers[0].choices", Choose(Many, "A", "D")));

        Assert.Contains("'D' is not an option of m1", message);
        Assert.Contains("A, B, C", message);
    }

    [Fact]
    public void OptionsAreMatchedExactlyIncludingCase() =>
        Assert.Single(ErrorsAt("answers[0].choices", Choose(Pick, "yes")));

    [Fact]
    public void ANullChoiceIsNotAnOption() =>
        Assert.Contains("is not an option", Assert.Single(ErrorsAt("answers[0].choices", Choose(Many, "A", null))));

    [Fact]
    public void AChoiceQuestionTakesNoTextAndNoValue()
    {
        var errors = Errors(new AnswerInput(Many.Id, "why", ["A"], 2));

        Assert.Equal(["answers[0].text", "answers[0].value"], errors.Keys.Order());
        Assert.All(errors.Values, messages => Assert.Contains("m1 is a MultipleChoice question", Assert.Single(messages)));
    }

    // Scale

    [Fact]
    public void AScaleQuestionNeedsAValue() =>
        Assert.Contains("from 1 to 5", Assert.Single(ErrorsAt("answers[0].value", Value(Rating, null))));

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public void AValueOutsideTheScaleIsRefused(int value) =>
        Assert.Contains($"{value} is outside the scale of s1", Assert.Single(ErrorsAt("answers[0].value", Value(Rating, value))));

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void TheEndsOfTheScaleAreAccepted(int value) => Assert.Empty(Errors(Value(Rating, value)));

    [Fact]
    public void AScaleQuestionTakesNoTextAndNoChoices()
    {
        var errors = Errors(new AnswerInput(Rating.Id, "three", ["3"], 3));

        Assert.Equal(["answers[0].choices", "answers[0].text"], errors.Keys.Order());
        Assert.All(errors.Values, messages => Assert.Contains("s1 is a Scale question", Assert.Single(messages)));
    }

    // Stored answer

    [Fact]
    public void AnAcceptedAnswerIsStoredAsGiven()
    {
        var submission = Guid.NewGuid();

        var answer = AnswerRules.ToAnswer(new AnswerInput(Many.Id, "note", ["B", "A"], 4), submission);

        Assert.Equal(submission, answer.SubmissionId);
        Assert.Equal(Many.Id, answer.QuestionId);
        Assert.Equal("note", answer.Text);
        Assert.Equal(["B", "A"], answer.Choices);
        Assert.Equal(4, answer.Value);
    }

    [Fact]
    public void AnAnswerWithoutChoicesIsStoredWithoutChoices() =>
        Assert.Null(AnswerRules.ToAnswer(Text(Comment, "x"), Guid.NewGuid()).Choices);
}

public class AnswerChangesTests
{
    private static readonly Question Comment = Make.Question("c1", type: QuestionType.Text, maxLength: 5);
    private static readonly Question Rating = Make.Question("s1", type: QuestionType.Scale, scaleMin: 1, scaleMax: 5);
    private static readonly Dictionary<Guid, Question> Questions = new[] { Comment, Rating }.ToDictionary(q => q.Id);

    private static Answer Saved(Question q, string? text = null, int? value = null) =>
        new() { QuestionId = q.Id, Text = text, Value = value };

    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData("", null, null, true)]
    [InlineData(null, new string[0], null, true)]
    [InlineData(" ", null, null, false)]
    [InlineData(null, new[] { "A" }, null, false)]
    [InlineData(null, null, 0, false)]
    public void AnAnswerThatGivesNothingIsAClear(string? text, string[]? choices, int? value, bool clear) =>
        Assert.Equal(clear, AnswerRules.IsClear(new AnswerInput(Comment.Id, text, choices, value)));

    [Fact]
    public void AChangeReplacesWhatItNamesKeepsTheRestAndRemovesWhatItClears()
    {
        var changed = AnswerRules.ApplyChanges([Saved(Comment, text: "old"), Saved(Rating, value: 2)],
            [new AnswerInput(Rating.Id, Value: 4)]);

        Assert.Equal([(Comment.Id, "old", (int?)null), (Rating.Id, null, 4)], changed.Select(a => (a.QuestionId!.Value, a.Text, a.Value)));
        var cleared = AnswerRules.ApplyChanges([Saved(Comment, text: "old"), Saved(Rating, value: 2)], [new AnswerInput(Comment.Id)]);
        Assert.Equal([Rating.Id], cleared.Select(a => a.QuestionId!.Value));
    }

    [Fact]
    public void AChangeOfNothingSavedIsTheChangeWithoutItsClears() =>
        Assert.Equal([Rating.Id], AnswerRules.ApplyChanges([], [new AnswerInput(Comment.Id), new AnswerInput(Rating.Id, Value: 1)])
            .Select(a => a.QuestionId!.Value));

    [Fact]
    public void AClearIsCheckedOnlyForItsQuestionWhenClearingIsAllowed()
    {
        AnswerInput?[] clear = [new AnswerInput(Comment.Id)];

        Assert.True(AnswerRules.Validate(clear, Questions, clearing: true).IsEmpty);
        Assert.False(AnswerRules.Validate(clear, Questions).IsEmpty);
        Assert.False(AnswerRules.Validate([new AnswerInput(Guid.NewGuid())], Questions, clearing: true).IsEmpty);
    }

    [Fact]
    public void ALengthIsCountedInCharactersAsAPersonSeesThem()
    {
        var globes = string.Concat(Enumerable.Repeat("\U0001F30D", 5));

        Assert.Equal(5, AnswerRules.TextLength(globes));
        Assert.Equal(2, AnswerRules.TextLength("e\u0301a"));
        Assert.True(AnswerRules.Validate([new AnswerInput(Comment.Id, globes)], Questions).IsEmpty);
        var errors = AnswerRules.Validate([new AnswerInput(Comment.Id, globes + "!")], Questions).ToDictionary();
        Assert.Contains("6 characters", Assert.Single(errors["answers[0].text"]));
    }
}

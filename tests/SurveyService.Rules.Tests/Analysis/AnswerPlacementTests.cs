using SurveyService.Analysis;
using SurveyService.Consultations;
using static SurveyService.Analysis.UnplacedReason;
using static SurveyService.Data.RespondentCategory;

namespace SurveyService.Rules.Tests.Analysis;

/// <summary>What an answer stored before today's checks counts for: a place in the figures, or a reason it has none, never a failure.</summary>
public class AnswerPlacementTests
{
    private static readonly Question Single = Make.Question("1", type: QuestionType.SingleChoice, options: ["Yes", "No"]);
    private static readonly Question Multiple = Make.Question("2", type: QuestionType.MultipleChoice, options: ["A", "B", "C"]);
    private static readonly Question Rating = Make.Question("3", type: QuestionType.Scale, scaleMin: 1, scaleMax: 3);
    private static readonly Question Comment = Make.Question("4", type: QuestionType.Text);

    private static readonly Dictionary<RespondentCategory, decimal> Weights =
        Enum.GetValues<RespondentCategory>().ToDictionary(c => c, _ => 2m);

    private static UnplacedReason? Reason(Question question, List<string>? choices = null, int? value = null,
        RespondentCategory category = MemberState, Dictionary<RespondentCategory, decimal>? weights = null) =>
        AnswerPlacement.Place(question, weights ?? Weights, category, choices, value).Unplaced;

    [Theory]
    [InlineData(int.MinValue, int.MaxValue)]
    [InlineData(int.MinValue, 0)]
    [InlineData(0, int.MaxValue)]
    [InlineData(1, 102)]
    [InlineData(5, 1)]
    public void AScaleWhoseBoundsCannotBeListedHasNoOptionsAndEveryAnswerSaysWhy(int min, int max)
    {
        var scale = Make.Question("s", type: QuestionType.Scale, scaleMin: min, scaleMax: max);

        Assert.Null(AnswerPlacement.OptionsOf(scale));
        Assert.Equal(UnusableScale, Reason(scale, value: min));
    }

    [Fact]
    public void AScaleOfOnePointOrOfTheMostPointsIsListed()
    {
        Assert.Equal(["7"], AnswerPlacement.OptionsOf(Make.Question("s", type: QuestionType.Scale, scaleMin: 7, scaleMax: 7)));
        Assert.Equal(AddQuestionRequest.MaxScalePoints,
            AnswerPlacement.OptionsOf(Make.Question("s", type: QuestionType.Scale, scaleMin: -50, scaleMax: 50))!.Count);
    }

    [Fact]
    public void AScaleAnswerIsPlacedAtItsValueWithinTheBoundsOnly()
    {
        Assert.Equal(["3"], AnswerPlacement.Place(Rating, Weights, MemberState, null, 3).Options);
        Assert.Equal(OutsideTheScale, Reason(Rating, value: 4));
        Assert.Equal(OutsideTheScale, Reason(Rating, value: 0));
        Assert.Equal(NoValue, Reason(Rating, ["2"]));
    }

    [Fact]
    public void AChoiceAnswerIsPlacedOnlyWhenEveryChoiceIsAnOption()
    {
        Assert.Equal(["A", "C"], AnswerPlacement.Place(Multiple, Weights, MemberState, ["A", "C", "A"], null).Options);
        Assert.Equal(NotAnOption, Reason(Multiple, ["A", "Z"]));
        Assert.Equal(NotAnOption, Reason(Single, ["yes"]));
        Assert.Equal(NotAnOption, Reason(Single, [null!]));
        Assert.Equal(NoChoice, Reason(Single, []));
        Assert.Equal(NoChoice, Reason(Multiple, null, 2));
    }

    [Fact]
    public void AChoiceQuestionStoredWithoutOptionsListsNoneAndPlacesNoChoice()
    {
        var bare = Make.Question("b", type: QuestionType.SingleChoice);
        bare.Options = null!;

        Assert.Empty(AnswerPlacement.OptionsOf(bare)!);
        Assert.Equal(NotAnOption, Reason(bare, ["Yes"]));
    }

    [Fact]
    public void ASingleChoiceWithTwoDifferentChoicesIsNotPlacedButTheSameOneTwiceIs()
    {
        Assert.Equal(SeveralChoices, Reason(Single, ["Yes", "No"]));
        Assert.Equal(["Yes"], AnswerPlacement.Place(Single, Weights, MemberState, ["Yes", "Yes"], null).Options);
    }

    [Fact]
    public void ARespondentWithoutAUsableWeightIsNotPlacedWhateverItAnswered()
    {
        Assert.Equal(NoWeight, Reason(Comment, category: (RespondentCategory)42));
        Assert.Equal(NoWeight, Reason(Single, ["Yes"], weights: new() { [MemberState] = CategoryWeights.MaxWeight + 1 }));
        Assert.Equal(NoWeight, Reason(Single, ["Yes"], weights: new() { [MemberState] = -1m }));
        Assert.Null(Reason(Single, ["Yes"], weights: new() { [MemberState] = 0m }));
        Assert.Null(Reason(Single, ["Yes"], weights: new() { [MemberState] = CategoryWeights.MaxWeight }));
        Assert.Equal(2m, AnswerPlacement.Place(Single, Weights, Stakeholder, ["No"], null).Weight);
    }

    [Fact]
    public void ATextAnswerIsPlacedWithoutOptions()
    {
        var placed = AnswerPlacement.Place(Comment, Weights, Academia, null, null);

        Assert.Null(placed.Unplaced);
        Assert.Empty(placed.Options);
    }

    [Fact]
    public void EveryReasonIsSaidInWords()
    {
        Assert.All(Enum.GetValues<UnplacedReason>(), reason => Assert.Contains(' ', AnswerPlacement.Describe(reason)));
    }
}

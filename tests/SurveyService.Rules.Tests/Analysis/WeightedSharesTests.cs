using SurveyService.Analysis;
using static SurveyService.Data.RespondentCategory;

namespace SurveyService.Rules.Tests.Analysis;

public class WeightedSharesTests
{
    private static readonly Question Single = Make.Question("1", type: QuestionType.SingleChoice, options: ["Yes", "No", "Unsure"]);
    private static readonly Question Multiple = Make.Question("2", type: QuestionType.MultipleChoice, options: ["A", "B", "C"]);
    private static readonly Question Rating = Make.Question("3", type: QuestionType.Scale, scaleMin: 1, scaleMax: 3);
    private static readonly Question Comment = Make.Question("4", type: QuestionType.Text);

    private static readonly Dictionary<RespondentCategory, decimal> Weights = new()
    {
        [MemberState] = 3m, [SectorMember] = 1m, [Associate] = 1m, [Academia] = 1m, [Stakeholder] = 0.5m,
    };

    private static WeightedShares Shares(Dictionary<RespondentCategory, decimal>? weights = null) =>
        new([Single, Multiple, Rating, Comment], weights ?? Weights);

    private static OptionSummary Option(QuestionSummary[] summary, Question question, string option) =>
        summary.Single(q => q.QuestionId == question.Id).Options.Single(o => o.Option == option);

    private static QuestionSummary Question(QuestionSummary[] summary, Question question) =>
        summary.Single(q => q.QuestionId == question.Id);

    [Fact]
    public void AShareIsThoseWhoChoseAnOptionOverThoseWhoAnsweredTheQuestion()
    {
        var shares = Shares();
        shares.Add(Single.Id, MemberState, ["Yes"], null);
        shares.Add(Single.Id, Stakeholder, ["Yes"], null);
        shares.Add(Single.Id, Academia, ["No"], null);
        shares.Add(Single.Id, Stakeholder, ["No"], null);

        var summary = shares.Summarize();

        Assert.Equal(2, Option(summary, Single, "Yes").Count);
        Assert.Equal(0.5, Option(summary, Single, "Yes").Share);
        Assert.Equal(0.5, Option(summary, Single, "No").Share);
        Assert.Equal(0, Option(summary, Single, "Unsure").Count);
        Assert.Equal(0, Option(summary, Single, "Unsure").Share);
    }

    [Fact]
    public void AWeightedShareIsTheWeightOfThoseWhoChoseOverTheWeightOfThoseWhoAnswered()
    {
        var shares = Shares();
        shares.Add(Single.Id, MemberState, ["Yes"], null);   // 3
        shares.Add(Single.Id, Stakeholder, ["Yes"], null);   // 0.5
        shares.Add(Single.Id, Academia, ["No"], null);       // 1
        shares.Add(Single.Id, Stakeholder, ["No"], null);    // 0.5

        var summary = shares.Summarize();

        Assert.Equal(3.5 / 5, Option(summary, Single, "Yes").WeightedShare, 12);
        Assert.Equal(1.5 / 5, Option(summary, Single, "No").WeightedShare, 12);
        Assert.Equal(0, Option(summary, Single, "Unsure").WeightedShare);
    }

    [Fact]
    public void WithEqualWeightsTheWeightedShareIsTheShare()
    {
        var shares = Shares(Enum.GetValues<RespondentCategory>().ToDictionary(c => c, _ => 2m));
        shares.Add(Single.Id, MemberState, ["Yes"], null);
        shares.Add(Single.Id, Stakeholder, ["No"], null);
        shares.Add(Single.Id, Academia, ["No"], null);

        var no = Option(shares.Summarize(), Single, "No");

        // Both rounded to four places, alike (what a person reads).
        Assert.Equal(0.6667, no.Share);
        Assert.Equal(0.6667, no.WeightedShare);
    }

    [Fact]
    public void MultipleChoiceSharesMayAddUpToMoreThanOne()
    {
        var shares = Shares();
        shares.Add(Multiple.Id, MemberState, ["A", "B"], null);
        shares.Add(Multiple.Id, Academia, ["A", "C"], null);

        var summary = shares.Summarize();

        Assert.Equal(2, Question(summary, Multiple).Respondents.Total);
        Assert.Equal([1.0, 0.5, 0.5], Question(summary, Multiple).Options.Select(o => o.Share));
        Assert.Equal(2.0, Question(summary, Multiple).Options.Sum(o => o.Share));
        Assert.Equal(1.0, Option(summary, Multiple, "A").WeightedShare);
    }

    [Fact]
    public void AnOptionChosenTwiceInOneAnswerCountsOnce()
    {
        var shares = Shares();
        shares.Add(Multiple.Id, Academia, ["A", "A"], null);

        var a = Option(shares.Summarize(), Multiple, "A");

        Assert.Equal(1, a.Count);
        Assert.Equal(1.0, a.Share);
        Assert.Equal(1.0, a.WeightedShare);
    }

    [Fact]
    public void ScaleValuesAreListedAsOptionsWrittenAsNumbers()
    {
        var shares = Shares();
        shares.Add(Rating.Id, MemberState, null, 3);
        shares.Add(Rating.Id, Stakeholder, null, 1);

        var rating = Question(shares.Summarize(), Rating);

        Assert.Equal(["1", "2", "3"], rating.Options.Select(o => o.Option));
        Assert.Equal([0.5, 0, 0.5], rating.Options.Select(o => o.Share));
        Assert.Equal(0.1429, rating.Options[0].WeightedShare);
        Assert.Equal(0, rating.Options[1].WeightedShare);
        Assert.Equal(0.8571, rating.Options[2].WeightedShare);
    }

    [Fact]
    public void AScaleWithoutBoundsRunsFromOneToFive()
    {
        var scale = Make.Question("5", type: QuestionType.Scale);

        Assert.Equal(["1", "2", "3", "4", "5"], AnswerPlacement.OptionsOf(scale));
        Assert.Equal(["-1", "0", "1"], AnswerPlacement.OptionsOf(Make.Question("6", type: QuestionType.Scale, scaleMin: -1, scaleMax: 1)));
        Assert.Equal(["4", "5"], AnswerPlacement.OptionsOf(Make.Question("7", type: QuestionType.Scale, scaleMin: 4)));
        Assert.Equal(["1", "2"], AnswerPlacement.OptionsOf(Make.Question("8", type: QuestionType.Scale, scaleMax: 2)));
    }

    [Fact]
    public void ChoiceQuestionsListTheirOptionsInOrderAndTextQuestionsNone()
    {
        Assert.Equal(["Yes", "No", "Unsure"], AnswerPlacement.OptionsOf(Single));
        Assert.Equal(["A", "B", "C"], AnswerPlacement.OptionsOf(Multiple));
        Assert.Empty(AnswerPlacement.OptionsOf(Comment)!);
    }

    [Fact]
    public void ATextQuestionCountsItsRespondentsWithoutOptions()
    {
        var shares = Shares();
        shares.Add(Comment.Id, Academia, null, null);
        shares.Add(Comment.Id, Academia, null, null);

        var comment = Question(shares.Summarize(), Comment);

        Assert.Equal(2, comment.Respondents.Total);
        Assert.Empty(comment.Options);
    }

    [Fact]
    public void ThemesOnTextAnswersAreCountedByCategoryUnweightedAndWeightedOverThoseWhoAnsweredLikeOptions()
    {
        var shares = Shares();
        shares.Add(Comment.Id, MemberState, null, null);   // 3
        shares.Add(Comment.Id, Stakeholder, null, null);   // 0.5
        shares.Add(Comment.Id, Stakeholder, null, null);   // 0.5
        shares.Add(Comment.Id, Academia, null, null);      // 1
        shares.AddTheme(Comment.Id, MemberState, "Spectrum");
        shares.AddTheme(Comment.Id, Stakeholder, "Spectrum");
        shares.AddTheme(Comment.Id, Stakeholder, "access");
        shares.AddTheme(Comment.Id, Academia, "access");
        shares.AddTheme(Comment.Id, Academia, "Capacity");

        var themes = Question(shares.Summarize(), Comment).Themes!;

        Assert.Equal(["access", "Capacity", "Spectrum"], themes.Select(t => t.Option));
        var spectrum = themes[2];
        Assert.Equal((2, 0.5, 3.5 / 5), (spectrum.Count, spectrum.Share, spectrum.WeightedShare));
        Assert.Equal(new Dictionary<RespondentCategory, int> { [MemberState] = 1, [Stakeholder] = 1 }, spectrum.ByCategory);
        Assert.Equal([Academia, Stakeholder], themes[0].ByCategory.Keys);
        Assert.Equal((2, 0.5, 1.5 / 5), (themes[0].Count, themes[0].Share, themes[0].WeightedShare));
        Assert.Equal((1, 0.25, 1 / 5.0), (themes[1].Count, themes[1].Share, themes[1].WeightedShare));
        Assert.Empty(Question(shares.Summarize(), Comment).Options);
    }

    [Fact]
    public void AThemeOnAnythingButAPlacedTextAnswerCountsNowhere()
    {
        var shares = Shares(new() { [MemberState] = 1m, [Academia] = 1m });
        shares.Add(Single.Id, MemberState, ["Yes"], null);
        shares.Add(Comment.Id, MemberState, null, null);
        shares.AddTheme(Single.Id, MemberState, "Spectrum");  // not a text question
        shares.AddTheme(Comment.Id, Stakeholder, "Spectrum"); // a category without a weight
        shares.AddTheme(Make.Id(999), MemberState, "Spectrum"); // a question not listed

        var summary = shares.Summarize();

        Assert.Empty(Question(summary, Single).Themes!);
        Assert.Empty(Question(summary, Comment).Themes!);
        Assert.Equal(0, shares.Unplaced);
    }

    [Fact]
    public void AQuestionNobodyAnsweredHasNoSharesRatherThanNaN()
    {
        var summary = Shares().Summarize();

        Assert.All(summary, question => Assert.Equal(0, question.Respondents.Total));
        Assert.All(summary.SelectMany(q => q.Options), option =>
        {
            Assert.Equal(0, option.Count);
            Assert.Equal(0, option.Share);
            Assert.Equal(0, option.WeightedShare);
        });
    }

    [Fact]
    public void ACategoryWeighingNothingLeavesTheWeightedShareAtZeroRatherThanNaN()
    {
        var shares = Shares(Enum.GetValues<RespondentCategory>().ToDictionary(c => c, _ => 0m));
        shares.Add(Single.Id, Stakeholder, ["Yes"], null);

        var yes = Option(shares.Summarize(), Single, "Yes");

        Assert.Equal(1.0, yes.Share);
        Assert.Equal(0, yes.WeightedShare);
    }

    [Fact]
    public void RespondentsAreCountedByCategoryInCategoryOrder()
    {
        var shares = Shares();
        shares.Add(Single.Id, Stakeholder, ["Yes"], null);
        shares.Add(Single.Id, Academia, ["Yes"], null);
        shares.Add(Single.Id, Stakeholder, ["No"], null);
        shares.Add(Single.Id, MemberState, ["Yes"], null);

        var single = Question(shares.Summarize(), Single);

        Assert.Equal(4, single.Respondents.Total);
        Assert.Equal([(MemberState, 1), (Academia, 1), (Stakeholder, 2)], single.Respondents.ByCategory.Select(p => (p.Key, p.Value)));
        Assert.Equal([(MemberState, 1), (Academia, 1), (Stakeholder, 1)],
            single.Options.Single(o => o.Option == "Yes").ByCategory.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void AnAnswerToAQuestionNotListedIsCountedAsUnplacedNotLost()
    {
        var shares = Shares();
        shares.Add(Guid.NewGuid(), MemberState, ["Yes"], null);

        Assert.All(shares.Summarize(), question => Assert.Equal(0, question.Respondents.Total));
        Assert.Equal(1, shares.Unlisted);
        Assert.Equal(1, shares.Unplaced);
    }

    [Fact]
    public void AChoiceNotAmongTheOptionsIsLeftOutOfTheSharesAndCountedWithItsReason()
    {
        var shares = Shares();
        shares.Add(Single.Id, MemberState, ["Maybe"], null);
        shares.Add(Single.Id, Academia, ["Yes"], null);

        var single = Question(shares.Summarize(), Single);

        Assert.Equal(1, single.Respondents.Total);
        Assert.Equal(["Yes", "No", "Unsure"], single.Options.Select(o => o.Option));
        Assert.Equal(1.0, single.Options[0].Share);
        Assert.Equal([new UnplacedCount(UnplacedReason.NotAnOption, 1)], single.Unplaced);
        Assert.Equal(1, shares.Unplaced);
    }

    [Fact]
    public void AnswersThatCannotBePlacedAreCountedPerQuestionByReasonInTheReasonsOrder()
    {
        var shares = Shares();
        shares.Add(Rating.Id, MemberState, null, 9);
        shares.Add(Rating.Id, (RespondentCategory)42, null, 2);
        shares.Add(Rating.Id, Academia, null, 0);
        shares.Add(Rating.Id, Academia, null, 2);
        shares.Add(Comment.Id, (RespondentCategory)42, null, null);

        var summary = shares.Summarize();

        var rating = Question(summary, Rating);
        Assert.Equal([new UnplacedCount(UnplacedReason.NoWeight, 1), new UnplacedCount(UnplacedReason.OutsideTheScale, 2)], rating.Unplaced);
        Assert.Equal(1, rating.Respondents.Total);
        Assert.Equal(1.0, rating.Options.Single(o => o.Option == "2").WeightedShare);
        Assert.Equal([new UnplacedCount(UnplacedReason.NoWeight, 1)], Question(summary, Comment).Unplaced);
        Assert.Empty(Question(summary, Single).Unplaced);
        Assert.Equal(4, shares.Unplaced);
    }

    [Fact]
    public void TheSummaryDescribesEachQuestionInTheOrderGiven()
    {
        var summary = Shares().Summarize();

        Assert.Equal([Single.Id, Multiple.Id, Rating.Id, Comment.Id], summary.Select(q => q.QuestionId));
        var rating = summary[2];
        Assert.Equal(("3", QuestionTier.Open, QuestionType.Scale, "Question 3"), (rating.Code, rating.Tier, rating.Type, rating.Text));
    }
}

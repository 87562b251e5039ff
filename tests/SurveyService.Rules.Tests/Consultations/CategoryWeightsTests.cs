using SurveyService.Consultations;

namespace SurveyService.Rules.Tests.Consultations;

public class CategoryWeightsTests
{
    private static Consultation Consultation(params (RespondentCategory Category, decimal Weight)[] weights) => new()
    {
        Title = "Weights",
        Weights = [.. weights.Select(w => new CategoryWeight { Category = w.Category, Weight = w.Weight })],
    };

    [Fact]
    public void EveryCategoryWeighsOneUnlessToldOtherwise()
    {
        var weights = CategoryWeights.Of(Consultation());

        Assert.Equal(Enum.GetValues<RespondentCategory>(), weights.Keys.Order());
        Assert.All(weights.Values, weight => Assert.Equal(1m, weight));
    }

    [Fact]
    public void AnExplicitWeightIsUsedAndTheOthersStayOne()
    {
        var weights = CategoryWeights.Of(Consultation((RespondentCategory.MemberState, 3m), (RespondentCategory.Stakeholder, 0.25m)));

        Assert.Equal(3m, weights[RespondentCategory.MemberState]);
        Assert.Equal(0.25m, weights[RespondentCategory.Stakeholder]);
        Assert.Equal(1m, weights[RespondentCategory.Academia]);
        Assert.Equal(5, weights.Count);
    }

    [Fact]
    public void AWeightOfZeroIsKeptNotReplacedByTheDefault() =>
        Assert.Equal(0m, CategoryWeights.Of(Consultation((RespondentCategory.Associate, 0m)))[RespondentCategory.Associate]);

    [Fact]
    public void ApplyingWeightsSetsTheNamedCategoriesAndKeepsTheOthers()
    {
        var consultation = Consultation((RespondentCategory.MemberState, 3m), (RespondentCategory.Academia, 2m));

        CategoryWeights.Apply(consultation, new Dictionary<RespondentCategory, decimal>
        {
            [RespondentCategory.MemberState] = 4m,
            [RespondentCategory.Stakeholder] = 0.5m,
        });

        var weights = CategoryWeights.Of(consultation);
        Assert.Equal(4m, weights[RespondentCategory.MemberState]);
        Assert.Equal(2m, weights[RespondentCategory.Academia]);
        Assert.Equal(0.5m, weights[RespondentCategory.Stakeholder]);
        Assert.Equal(1m, weights[RespondentCategory.SectorMember]);
    }

    [Fact]
    public void ApplyingAWeightTwiceKeepsOneWeightPerCategory()
    {
        var consultation = Consultation((RespondentCategory.MemberState, 3m));

        CategoryWeights.Apply(consultation, new Dictionary<RespondentCategory, decimal> { [RespondentCategory.MemberState] = 2m });
        CategoryWeights.Apply(consultation, new Dictionary<RespondentCategory, decimal> { [RespondentCategory.MemberState] = 5m });

        var weight = Assert.Single(consultation.Weights);
        Assert.Equal((RespondentCategory.MemberState, 5m), (weight.Category, weight.Weight));
    }

    [Fact]
    public void ApplyingNoWeightsChangesNothing()
    {
        var consultation = Consultation((RespondentCategory.Academia, 2m));

        CategoryWeights.Apply(consultation, new Dictionary<RespondentCategory, decimal>());

        Assert.Equal(2m, Assert.Single(consultation.Weights).Weight);
    }
}

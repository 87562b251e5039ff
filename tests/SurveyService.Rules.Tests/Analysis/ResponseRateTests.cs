using SurveyService.Analysis;

namespace SurveyService.Rules.Tests.Analysis;

public class ResponseRateTests
{
    [Theory]
    [InlineData(3, 4, 0.75)]
    [InlineData(1, 3, 1.0 / 3)]
    [InlineData(0, 5, 0.0)]
    [InlineData(7, 7, 1.0)]
    public void TheRateIsRespondentsOverEligibleEntities(int respondents, int eligible, double rate) =>
        Assert.Equal(rate, ResponseRate.Of(respondents, eligible));

    [Fact]
    public void ASingleEligibleEntityThatAnsweredIsAFullResponse() => Assert.Equal(1.0, ResponseRate.Of(1, 1));

    [Fact]
    public void ThereIsNoRateWhenNoEntityCouldAnswer()
    {
        Assert.Null(ResponseRate.Of(0, 0));
        Assert.Null(ResponseRate.Of(2, 0));
        Assert.Null(ResponseRate.Of(0, -1));
    }
}

using SurveyService.Consultations;
using static SurveyService.Consultations.ConsultationRefusal;

namespace SurveyService.Rules.Tests.Consultations;

public class PublishRuleTests
{
    private static readonly DateTime Deadline = Make.Now.AddDays(30);

    private static ConsultationSchedule Draft(DateTime? publishedAt = null) =>
        new() { Id = Make.Id(1), OpensAt = Make.Now, ClosesAt = Deadline, PublishedAt = publishedAt };

    [Fact]
    public void ADraftWithQuestionsIsPublishedBeforeItsDeadline()
    {
        Assert.Null(PublishRule.RefusalOf(Draft(), 1, Make.Now));
        Assert.Null(PublishRule.RefusalOf(Draft(), 12, Deadline.AddTicks(-1)));
    }

    [Fact]
    public void AConsultationIsPublishedOnlyOnce()
    {
        var at = Make.Now.AddDays(-1);

        Assert.Equal(new AlreadyPublished(at), PublishRule.RefusalOf(Draft(at), 3, Make.Now));
        Assert.Equal(new AlreadyPublished(at), PublishRule.RefusalOf(Draft(at), 0, Deadline.AddDays(1)));
    }

    [Fact]
    public void ADraftWithoutQuestionsIsNotPublished()
    {
        Assert.IsType<NoQuestions>(PublishRule.RefusalOf(Draft(), 0, Make.Now));
        Assert.IsType<NoQuestions>(PublishRule.RefusalOf(Draft(), 0, Deadline.AddDays(1)));
    }

    [Fact]
    public void ADraftIsNotPublishedOnceItsDeadlineIsReached()
    {
        Assert.Equal(new DeadlinePassed(Deadline), PublishRule.RefusalOf(Draft(), 1, Deadline));
        Assert.Equal(new DeadlinePassed(Deadline), PublishRule.RefusalOf(Draft(), 1, Deadline.AddDays(1)));
    }
}

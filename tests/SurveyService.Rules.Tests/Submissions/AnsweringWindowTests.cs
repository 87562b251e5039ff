using SurveyService.Consultations;
using SurveyService.Submissions;

namespace SurveyService.Rules.Tests.Submissions;

public class AnsweringWindowTests
{
    private static readonly DateTime Opens = Make.Now;
    private static readonly DateTime Closes = Make.Now.AddDays(30);
    private static readonly Guid ConsultationId = Make.Id(1);

    private static ConsultationSchedule Published(DateTime? closedAt = null) => new()
    {
        Id = ConsultationId,
        OpensAt = Opens,
        ClosesAt = Closes,
        PublishedAt = Opens.AddDays(-1),
        ClosedAt = closedAt,
    };

    [Fact]
    public void AnswersAreTakenWhileTheConsultationIsOpen()
    {
        Assert.Null(AnsweringWindow.RefusalAt(Published(), Opens));
        Assert.Null(AnsweringWindow.RefusalAt(Published(), Closes.AddTicks(-1)));
    }

    [Fact]
    public void AnswersBeforeTheOpeningAreRefusedNamingTheOpening() =>
        Assert.Equal(new SubmissionRefusal.NotOpenYet(Opens), AnsweringWindow.RefusalAt(Published(), Opens.AddTicks(-1)));

    [Fact]
    public void AnswersAfterTheDeadlineAreRefusedEvenBeforeTheCloseHasRun() =>
        Assert.Equal(new SubmissionRefusal.Closed(Closes, null), AnsweringWindow.RefusalAt(Published(), Closes));

    [Fact]
    public void AnswersAfterAnEarlyCloseAreRefusedNamingWhenItClosed()
    {
        var closedEarly = Opens.AddDays(3);

        Assert.Equal(new SubmissionRefusal.Closed(Closes, closedEarly), AnsweringWindow.RefusalAt(Published(closedEarly), Opens.AddDays(4)));
    }

    [Fact]
    public void ACloseRunAtOrAfterTheDeadlineIsNotCalledEarly()
    {
        Assert.Equal(new SubmissionRefusal.Closed(Closes, null), AnsweringWindow.RefusalAt(Published(Closes), Closes.AddDays(1)));
        Assert.Equal(new SubmissionRefusal.Closed(Closes, null), AnsweringWindow.RefusalAt(Published(Closes.AddMinutes(1)), Closes.AddDays(1)));
    }

    [Fact]
    public void ADraftIsNotThereForRespondents()
    {
        var draft = new ConsultationSchedule { Id = ConsultationId, OpensAt = Opens, ClosesAt = Closes };

        Assert.Equal(new SubmissionRefusal.NoSuchConsultation(ConsultationId), AnsweringWindow.RefusalAt(draft, Opens.AddDays(1)));
    }
}

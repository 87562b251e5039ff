using SurveyService.Consultations;
using static SurveyService.Consultations.ConsultationRefusal;

namespace SurveyService.Rules.Tests.Consultations;

public class ScheduleChangeTests
{
    private static readonly DateTime Opens = Make.Now;
    private static readonly DateTime Deadline = Make.Now.AddDays(30);
    private static readonly Guid Id = Make.Id(7);

    private static readonly ConsultationSchedule Draft = new() { Id = Id, OpensAt = Opens, ClosesAt = Deadline };
    private static readonly ConsultationSchedule Published = new() { Id = Id, OpensAt = Opens, ClosesAt = Deadline, PublishedAt = Opens.AddDays(-5) };
    private static readonly ConsultationSchedule ClosedEarly = new()
    {
        Id = Id, OpensAt = Opens, ClosesAt = Deadline, PublishedAt = Opens.AddDays(-5), ClosedAt = Opens.AddDays(3),
    };

    private static readonly DateTime BeforeOpening = Opens.AddDays(-1);
    private static readonly DateTime WhileOpen = Opens.AddDays(1);
    private static readonly DateTime AfterDeadline = Deadline.AddDays(1);

    private static ConsultationRefusal? Refusal(ConsultationSchedule current, DateTime now, DateTime? opensAt = null, DateTime? closesAt = null,
        bool changesEligibility = false, bool hasReason = true) => ScheduleChange.RefusalOf(current, opensAt, closesAt, changesEligibility, now, hasReason);

    // Draft

    [Fact]
    public void ADraftChangesFreely()
    {
        Assert.Null(Refusal(Draft, WhileOpen, opensAt: Opens.AddDays(2), closesAt: Deadline.AddDays(2), changesEligibility: true));
        Assert.Null(Refusal(Draft, WhileOpen));
    }

    [Fact]
    public void ADraftMayBeGivenADeadlineAlreadyPassed() =>
        Assert.Null(Refusal(Draft, AfterDeadline, closesAt: Deadline.AddHours(1)));

    [Fact]
    public void ANewDeadlineMustComeAfterTheOpening()
    {
        Assert.Equal(new ClosesBeforeOpening(Opens, Opens.AddTicks(-1)), Refusal(Draft, WhileOpen, closesAt: Opens.AddTicks(-1)));
        Assert.Equal(new ClosesBeforeOpening(Opens, Opens), Refusal(Draft, WhileOpen, closesAt: Opens));
        Assert.Null(Refusal(Draft, WhileOpen, closesAt: Opens.AddTicks(1)));
    }

    [Fact]
    public void ANewOpeningMustComeBeforeTheDeadline()
    {
        Assert.Equal(new ClosesBeforeOpening(Deadline, Deadline), Refusal(Draft, BeforeOpening, opensAt: Deadline));
        Assert.Equal(new ClosesBeforeOpening(Deadline.AddDays(1), Deadline), Refusal(Published, BeforeOpening, opensAt: Deadline.AddDays(1)));
    }

    // Published, not open yet

    [Fact]
    public void ThePublishedCategoriesAreFixed()
    {
        Assert.IsType<EligibilityFixedOncePublished>(Refusal(Published, BeforeOpening, changesEligibility: true));
        Assert.IsType<EligibilityFixedOncePublished>(Refusal(Published, WhileOpen, changesEligibility: true));
    }

    [Fact]
    public void AScheduledConsultationMayMoveItsOpeningAndDeadline() =>
        Assert.Null(Refusal(Published, BeforeOpening, opensAt: Opens.AddDays(1), closesAt: Deadline.AddDays(1)));

    // Open

    [Fact]
    public void AnOpenConsultationKeepsItsOpening() =>
        Assert.Equal(new OpeningFixedOnceOpen(Opens), Refusal(Published, WhileOpen, opensAt: Opens.AddDays(-1)));

    [Fact]
    public void RestatingTheSameOpeningOfAnOpenConsultationIsNoChange() =>
        Assert.Null(Refusal(Published, WhileOpen, opensAt: Opens, closesAt: Deadline.AddDays(7)));

    [Fact]
    public void AnOpenConsultationsDeadlineMayBeExtended() =>
        Assert.Null(Refusal(Published, WhileOpen, closesAt: Deadline.AddDays(7)));

    [Fact]
    public void AnOpenConsultationsDeadlineMayBeBroughtForwardButStayAhead() =>
        Assert.Null(Refusal(Published, WhileOpen, closesAt: WhileOpen.AddTicks(1)));

    [Fact]
    public void APublishedConsultationsNewDeadlineMustBeAhead()
    {
        Assert.Equal(new DeadlineNotAhead(Id, WhileOpen), Refusal(Published, WhileOpen, closesAt: WhileOpen));
        Assert.Equal(new DeadlineNotAhead(Id, WhileOpen.AddHours(-1)), Refusal(Published, WhileOpen, closesAt: WhileOpen.AddHours(-1)));
    }

    // Closed

    [Fact]
    public void AClosedConsultationsScheduleIsFixed()
    {
        Assert.Equal(new ScheduleFixedAfterClose(Deadline), Refusal(Published, AfterDeadline, closesAt: AfterDeadline.AddDays(7)));
        Assert.Equal(new ScheduleFixedAfterClose(Deadline), Refusal(Published, AfterDeadline, opensAt: Opens));
    }

    [Fact]
    public void AConsultationClosedEarlyNamesWhenItClosed() =>
        Assert.Equal(new ScheduleFixedAfterClose(Opens.AddDays(3)), Refusal(ClosedEarly, Opens.AddDays(4), closesAt: Deadline.AddDays(7)));

    [Fact]
    public void AClosedConsultationMayStillChangeWhatIsNotItsSchedule() =>
        Assert.Null(Refusal(ClosedEarly, AfterDeadline));

    // The reason

    [Fact]
    public void MovingAPublishedDeadlineNeedsAReason()
    {
        Assert.Equal(new ReasonRequired(Deadline, Deadline.AddDays(7)), Refusal(Published, WhileOpen, closesAt: Deadline.AddDays(7), hasReason: false));
        Assert.Equal(new ReasonRequired(Deadline, Deadline.AddDays(7)), Refusal(Published, BeforeOpening, closesAt: Deadline.AddDays(7), hasReason: false));
        Assert.Equal(new ReasonRequired(Deadline, WhileOpen.AddTicks(1)), Refusal(Published, WhileOpen, closesAt: WhileOpen.AddTicks(1), hasReason: false));
        Assert.Null(Refusal(Published, WhileOpen, closesAt: Deadline.AddDays(7), hasReason: true));
    }

    [Fact]
    public void ADraftsDeadlineMovesWithoutAReason() =>
        Assert.Null(Refusal(Draft, WhileOpen, closesAt: Deadline.AddDays(7), hasReason: false));

    [Fact]
    public void RestatingThePublishedDeadlineOrChangingSomethingElseNeedsNoReason()
    {
        Assert.Null(Refusal(Published, WhileOpen, closesAt: Deadline, hasReason: false));
        Assert.Null(Refusal(Published, BeforeOpening, opensAt: Opens.AddDays(-1), hasReason: false));
        Assert.Null(Refusal(Published, WhileOpen, hasReason: false));
    }

    [Fact]
    public void ADeadlineThatCannotMoveIsRefusedForThatBeforeTheMissingReason()
    {
        Assert.Equal(new ScheduleFixedAfterClose(Deadline), Refusal(Published, AfterDeadline, closesAt: AfterDeadline.AddDays(7), hasReason: false));
        Assert.Equal(new DeadlineNotAhead(Id, WhileOpen), Refusal(Published, WhileOpen, closesAt: WhileOpen, hasReason: false));
    }
}

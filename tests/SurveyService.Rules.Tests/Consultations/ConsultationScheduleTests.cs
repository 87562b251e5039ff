using SurveyService.Consultations;

namespace SurveyService.Rules.Tests.Consultations;

public class ConsultationScheduleTests
{
    private static readonly DateTime Opens = Make.Now;
    private static readonly DateTime Deadline = Make.Now.AddDays(30);
    private static readonly DateTime Published = Make.Now.AddDays(-2);

    private static ConsultationSchedule Schedule(DateTime? publishedAt, DateTime? closedAt = null, params RespondentCategory[] eligible) => new()
    {
        Id = Make.Id(1),
        OpensAt = Opens,
        ClosesAt = Deadline,
        PublishedAt = publishedAt,
        ClosedAt = closedAt,
        EligibleCategories = eligible,
    };

    private static Consultation Entity(DateTime? publishedAt, DateTime? closedAt = null) => new()
    {
        Title = "Numbering plans",
        OpensAt = Opens,
        ClosesAt = Deadline,
        PublishedAt = publishedAt,
        ClosedAt = closedAt,
    };

    // Status

    [Fact]
    public void AnUnpublishedConsultationIsADraftWhateverTheClockSays()
    {
        Assert.Equal(ConsultationStatus.Draft, Schedule(null).StatusAt(Opens.AddDays(-10)));
        Assert.Equal(ConsultationStatus.Draft, Schedule(null).StatusAt(Opens.AddDays(1)));
        Assert.Equal(ConsultationStatus.Draft, Schedule(null).StatusAt(Deadline.AddDays(1)));
    }

    [Fact]
    public void APublishedConsultationIsScheduledUntilItOpens() =>
        Assert.Equal(ConsultationStatus.Scheduled, Schedule(Published).StatusAt(Opens.AddTicks(-1)));

    [Fact]
    public void APublishedConsultationIsOpenFromItsOpeningToJustBeforeItsDeadline()
    {
        Assert.Equal(ConsultationStatus.Open, Schedule(Published).StatusAt(Opens));
        Assert.Equal(ConsultationStatus.Open, Schedule(Published).StatusAt(Deadline.AddTicks(-1)));
    }

    [Fact]
    public void APublishedConsultationIsClosedAtItsDeadlineEvenBeforeTheCloseRuns()
    {
        Assert.Equal(ConsultationStatus.Closed, Schedule(Published).StatusAt(Deadline));
        Assert.Equal(ConsultationStatus.Closed, Schedule(Published).StatusAt(Deadline.AddDays(5)));
    }

    [Fact]
    public void AConsultationClosedEarlyIsClosedBeforeItsDeadline() =>
        Assert.Equal(ConsultationStatus.Closed, Schedule(Published, closedAt: Opens.AddDays(1)).StatusAt(Opens.AddDays(2)));

    [Fact]
    public void ClosedAtTheDeadlineStaysClosedAfterwards() =>
        Assert.Equal(ConsultationStatus.Closed, Schedule(Published, closedAt: Deadline).StatusAt(Deadline.AddDays(1)));

    // Due

    [Fact]
    public void TheCloseIsDueOnceThePublishedDeadlineIsReached()
    {
        Assert.False(Schedule(Published).IsDue(Deadline.AddTicks(-1)));
        Assert.True(Schedule(Published).IsDue(Deadline));
        Assert.True(Schedule(Published).IsDue(Deadline.AddDays(1)));
    }

    [Fact]
    public void TheCloseOfADraftIsNeverDue() => Assert.False(Schedule(null).IsDue(Deadline.AddDays(1)));

    [Fact]
    public void ACloseThatHasRunIsNotDueAgain() => Assert.False(Schedule(Published, closedAt: Deadline).IsDue(Deadline.AddDays(1)));

    // Eligibility

    [Fact]
    public void OnlyEligibleCategoriesMayTakePart()
    {
        var schedule = Schedule(Published, null, RespondentCategory.MemberState, RespondentCategory.Academia);

        Assert.True(schedule.Admits(RespondentCategory.MemberState));
        Assert.True(schedule.Admits(RespondentCategory.Academia));
        Assert.False(schedule.Admits(RespondentCategory.Stakeholder));
        Assert.False(Schedule(Published).Admits(RespondentCategory.MemberState));
    }

    // From the entity

    [Fact]
    public void TheScheduleOfAConsultationCarriesItsDates()
    {
        var consultation = Entity(Published, closedAt: Deadline.AddMinutes(1));
        consultation.EligibleCategories = [RespondentCategory.Associate];

        var schedule = ConsultationSchedule.From(consultation);

        Assert.Equal(consultation.Id, schedule.Id);
        Assert.Equal("Numbering plans", schedule.Title);
        Assert.Equal(Opens, schedule.OpensAt);
        Assert.Equal(Deadline, schedule.ClosesAt);
        Assert.Equal(Published, schedule.PublishedAt);
        Assert.Equal(Deadline.AddMinutes(1), schedule.ClosedAt);
        Assert.Equal([RespondentCategory.Associate], schedule.EligibleCategories);
    }

    // The same conditions as expressions, applied to entities (as the database would). Stryker.NET
    // instruments the schedule projection itself (its object initializer becomes a conditional), so
    // DueAt and NotClosed cannot run in a mutated build at all: these tests carry a trait that the
    // mutation run filters out (docs/mutation-testing.md); dotnet test runs them as usual.
    private const string ExpressionTrees = "ExpressionTrees";

    public static TheoryData<DateTime?, DateTime?, int, bool> DueCases => new()
    {
        // published, closed, now relative to the deadline (ticks), due
        { Published, null, -1, false },
        { Published, null, 0, true },
        { Published, null, 1, true },
        { null, null, -1, false },
        { null, null, 0, false },
        { null, null, 1, false },
        { Published, Opens.AddDays(1), -1, false },
        { Published, Deadline, 0, false },
        { Published, Deadline, 1, false },
    };

    [Theory]
    [Trait("Category", ExpressionTrees)]
    [MemberData(nameof(DueCases))]
    public void DueAtFindsPublishedUnclosedConsultationsWhoseDeadlineIsReached(DateTime? publishedAt, DateTime? closedAt, int ticks, bool due)
    {
        var now = Deadline.AddTicks(ticks);

        var isDue = ConsultationSchedule.DueAt(now).Compile();

        Assert.Equal(due, isDue(Entity(publishedAt, closedAt)));
        Assert.Equal(due, Schedule(publishedAt, closedAt).IsDue(now));
    }

    [Fact]
    [Trait("Category", ExpressionTrees)]
    public void DueAtReadsTheInstantItWasGiven()
    {
        var consultation = Entity(Published);

        Assert.False(ConsultationSchedule.DueAt(Opens).Compile()(consultation));
        Assert.True(ConsultationSchedule.DueAt(Deadline).Compile()(consultation));
    }

    [Fact]
    [Trait("Category", ExpressionTrees)]
    public void NotClosedFindsPublishedConsultationsWhoseCloseHasNotRun()
    {
        var notClosed = ConsultationSchedule.NotClosed().Compile();

        Assert.True(notClosed(Entity(Published)));
        Assert.False(notClosed(Entity(null)));
        Assert.False(notClosed(Entity(Published, closedAt: Opens.AddDays(1))));
        Assert.False(notClosed(Entity(null, closedAt: Opens.AddDays(1))));
    }

    [Fact]
    [Trait("Category", ExpressionTrees)]
    public void NotClosedDoesNotDependOnTheDeadline()
    {
        var notClosed = ConsultationSchedule.NotClosed().Compile();
        var pastDeadline = Entity(Published);
        pastDeadline.ClosesAt = Make.Now.AddYears(-1);

        Assert.True(notClosed(pastDeadline));
    }
}

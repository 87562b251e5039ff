using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Jobs;

namespace SurveyService.Consultations;

/// <summary>
/// The Secretariat changes a consultation: its texts and weights, and its schedule as its status
/// allows (<see cref="ScheduleChange"/>), e.g. extending the deadline, which once published needs a
/// reason. Only the fields given change; each field that does is written to the audit trail with
/// its value before and after, in the same save.
/// </summary>
internal sealed class ChangeConsultation(SurveyDbContext db, TimeProvider clock, ConsultationCloser closer)
{
    public async Task<ConsultationOutcome> ChangeAsync(StaffMember? by, Guid id, UpdateConsultationRequest change)
    {
        var consultation = await db.Consultations.Include(c => c.Weights).FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return new ConsultationOutcome.Refused(new ConsultationRefusal.NotFound(id));
        var now = clock.UtcNow();
        var (opensAt, closesAt) = (change.OpensAt?.UtcDateTime, change.ClosesAt?.UtcDateTime);
        var reason = string.IsNullOrWhiteSpace(change.Reason) ? null : change.Reason.Trim();
        var schedule = ConsultationSchedule.From(consultation);
        if (ScheduleChange.RefusalOf(schedule, opensAt, closesAt, change.EligibleCategories is not null, now, reason is not null) is { } refusal)
            return new ConsultationOutcome.Refused(refusal);

        var before = Snapshot.Of(consultation);
        if (change.Title is not null)
            consultation.Title = change.Title.Trim();
        if (change.Description is not null)
            consultation.Description = change.Description;
        consultation.OpensAt = opensAt ?? consultation.OpensAt;
        consultation.ClosesAt = closesAt ?? consultation.ClosesAt;
        if (change.EligibleCategories is not null)
            consultation.EligibleCategories = [.. change.EligibleCategories.Distinct()];
        CategoryWeights.Apply(consultation, change.Weights ?? []);
        var after = Snapshot.Of(consultation);

        void Record(ConsultationAction action, string subject, string from, string to) =>
            db.ConsultationEvents.Add(ConsultationEvents.Of(id, action, by, now, subject, from, to, reason));
        if (before.Title != after.Title)
            Record(ConsultationAction.Changed, "title", before.Title, after.Title);
        if (before.Description != after.Description)
            Record(ConsultationAction.Changed, "description", before.Description, after.Description);
        if (before.OpensAt != after.OpensAt)
            Record(ConsultationAction.Changed, "opensAt", ConsultationEvents.Instant(before.OpensAt), ConsultationEvents.Instant(after.OpensAt));
        var deadlineMoved = before.ClosesAt != after.ClosesAt;
        if (deadlineMoved)
            // A draft's deadline is still being written; once published, respondents are told it moved.
            Record(schedule.PublishedAt is null ? ConsultationAction.Changed : ConsultationAction.DeadlineExtended, "closesAt",
                ConsultationEvents.Instant(before.ClosesAt), ConsultationEvents.Instant(after.ClosesAt));
        if (before.Eligible != after.Eligible)
            Record(ConsultationAction.Changed, "eligibleCategories", before.Eligible, after.Eligible);
        if (before.Weights != after.Weights)
            Record(ConsultationAction.Changed, "weights", before.Weights, after.Weights);
        await db.SaveChangesAsync();
        // The close follows the new deadline; the job for the old one will find it not due and do nothing.
        if (deadlineMoved && consultation.PublishedAt is not null)
            closer.Schedule(id, consultation.ClosesAt);

        var questions = await db.Questions.CountAsync(q => q.ConsultationId == id);
        return new ConsultationOutcome.Done(consultation, questions);
    }

    /// <summary>The fields a change may touch, as the trail writes them.</summary>
    private sealed record Snapshot(string Title, string Description, DateTime OpensAt, DateTime ClosesAt, string Eligible, string Weights)
    {
        public static Snapshot Of(Consultation c) => new(c.Title, c.Description, c.OpensAt, c.ClosesAt,
            ConsultationEvents.Categories(c.EligibleCategories), ConsultationEvents.Weights(CategoryWeights.Of(c)));
    }
}

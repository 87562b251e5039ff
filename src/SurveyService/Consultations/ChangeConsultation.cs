using SurveyService.Jobs;

namespace SurveyService.Consultations;

/// <summary>
/// The Secretariat changes a consultation: its texts and weights, and its schedule as its status
/// allows (<see cref="ScheduleChange"/>), e.g. extending the deadline. Only the fields given change.
/// </summary>
internal sealed class ChangeConsultation(SurveyDbContext db, TimeProvider clock, ConsultationCloser closer)
{
    public async Task<ConsultationOutcome> ChangeAsync(Guid id, UpdateConsultationRequest change)
    {
        var consultation = await db.Consultations.Include(c => c.Weights).FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return new ConsultationOutcome.Refused(new ConsultationRefusal.NotFound(id));
        var now = clock.UtcNow();
        var (opensAt, closesAt) = (change.OpensAt?.UtcDateTime, change.ClosesAt?.UtcDateTime);
        if (ScheduleChange.RefusalOf(ConsultationSchedule.From(consultation), opensAt, closesAt, change.EligibleCategories is not null, now)
            is { } refusal)
            return new ConsultationOutcome.Refused(refusal);

        if (change.Title is not null)
            consultation.Title = change.Title.Trim();
        if (change.Description is not null)
            consultation.Description = change.Description;
        consultation.OpensAt = opensAt ?? consultation.OpensAt;
        consultation.ClosesAt = closesAt ?? consultation.ClosesAt;
        if (change.EligibleCategories is not null)
            consultation.EligibleCategories = [.. change.EligibleCategories.Distinct()];
        CategoryWeights.Apply(consultation, change.Weights ?? []);
        var deadlineMoved = db.Entry(consultation).Property(c => c.ClosesAt).IsModified;
        await db.SaveChangesAsync();
        // The close follows the new deadline; the job for the old one will find it not due and do nothing.
        if (deadlineMoved && consultation.PublishedAt is not null)
            closer.Schedule(id, consultation.ClosesAt);

        var questions = await db.Questions.CountAsync(q => q.ConsultationId == id);
        return new ConsultationOutcome.Done(consultation, questions);
    }
}

using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Jobs;

namespace SurveyService.Consultations;

/// <summary>The Secretariat publishes a draft: its questions freeze, and its close is scheduled at the deadline.</summary>
internal sealed class PublishConsultation(SurveyDbContext db, TimeProvider clock, ConsultationCloser closer)
{
    /// <summary>By is who publishes it, null for the service itself (the demo data).</summary>
    public async Task<ConsultationOutcome> PublishAsync(StaffMember? by, Guid id)
    {
        var consultation = await db.Consultations.Include(c => c.Weights).FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return new ConsultationOutcome.Refused(new ConsultationRefusal.NotFound(id));
        var questions = await db.Questions.CountAsync(q => q.ConsultationId == id);
        var now = clock.UtcNow();
        if (PublishRule.RefusalOf(ConsultationSchedule.From(consultation), questions, now) is { } refusal)
            return new ConsultationOutcome.Refused(refusal);

        consultation.PublishedAt = now;
        // The deadline as published: what respondents are first told, and what an extension starts from.
        db.ConsultationEvents.Add(ConsultationEvents.Of(id, ConsultationAction.Published, by, now, after: ConsultationEvents.Instant(consultation.ClosesAt)));
        await db.SaveChangesAsync();
        closer.Schedule(id, consultation.ClosesAt);
        return new ConsultationOutcome.Done(consultation, questions);
    }
}

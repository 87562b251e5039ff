using SurveyService.Jobs;

namespace SurveyService.Consultations;

/// <summary>The Secretariat publishes a draft: its questions freeze, and its close is scheduled at the deadline.</summary>
internal sealed class PublishConsultation(SurveyDbContext db, TimeProvider clock, ConsultationCloser closer)
{
    public async Task<ConsultationOutcome> PublishAsync(Guid id)
    {
        var consultation = await db.Consultations.Include(c => c.Weights).FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return new ConsultationOutcome.Refused(new ConsultationRefusal.NotFound(id));
        var questions = await db.Questions.CountAsync(q => q.ConsultationId == id);
        var now = clock.UtcNow();
        if (PublishRule.RefusalOf(ConsultationSchedule.From(consultation), questions, now) is { } refusal)
            return new ConsultationOutcome.Refused(refusal);

        consultation.PublishedAt = now;
        await db.SaveChangesAsync();
        closer.Schedule(id, consultation.ClosesAt);
        return new ConsultationOutcome.Done(consultation, questions);
    }
}

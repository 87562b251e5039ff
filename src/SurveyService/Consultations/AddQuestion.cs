using SurveyService.Data.Consultations;
using SurveyService.Identity;

namespace SurveyService.Consultations;

/// <summary>What adding a question did: the question, or why it was not added.</summary>
internal abstract record AddQuestionOutcome
{
    public sealed record Added(Question Question) : AddQuestionOutcome;

    public sealed record Refused(ConsultationRefusal Why) : AddQuestionOutcome;
}

/// <summary>The Secretariat adds a question to a draft, after the others; codes are unique within a consultation, questions frozen once published.</summary>
internal sealed class AddQuestion(SurveyDbContext db, TimeProvider clock)
{
    /// <summary>By is who adds it, null for the service itself (the demo data).</summary>
    public async Task<AddQuestionOutcome> AddAsync(StaffMember? by, Guid consultationId, AddQuestionRequest request)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consultationId);
        if (consultation is null)
            return new AddQuestionOutcome.Refused(new ConsultationRefusal.NotFound(consultationId));
        if (consultation.PublishedAt is { } publishedAt)
            return new AddQuestionOutcome.Refused(new ConsultationRefusal.QuestionsFrozen(publishedAt));
        var code = request.Code!.Trim();
        // Codes are compared as a person reads them: "L1" and "l1" are the same question's code.
        var lower = code.ToLowerInvariant();
        if (await db.Questions.AnyAsync(q => q.ConsultationId == consultationId && q.Code.ToLower() == lower))
            return new AddQuestionOutcome.Refused(new ConsultationRefusal.DuplicateQuestionCode(code));

        var order = await db.Questions.Where(q => q.ConsultationId == consultationId).Select(q => (int?)q.Order).MaxAsync() ?? 0;
        var question = request.ToQuestion(consultationId, order + 1);
        db.Questions.Add(question);
        db.ConsultationEvents.Add(ConsultationEvents.Of(consultationId, ConsultationAction.QuestionAdded, by, clock.UtcNow(), subject: question.Code,
            after: question.Text));
        await db.SaveChangesAsync();
        return new AddQuestionOutcome.Added(question);
    }
}

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
        if (await DraftQuestions.RefusalAsync(db, consultationId) is { } refusal)
            return new AddQuestionOutcome.Refused(refusal);
        var code = request.Code!.Trim();
        if (await DraftQuestions.CodeTakenAsync(db, consultationId, code))
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

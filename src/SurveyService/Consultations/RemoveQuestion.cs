using SurveyService.Data.Consultations;
using SurveyService.Identity;

namespace SurveyService.Consultations;

/// <summary>
/// The Secretariat removes a question from a draft (no one has answered it: drafts are never shown
/// to respondents). The trail keeps its code and text.
/// </summary>
internal sealed class RemoveQuestion(SurveyDbContext db, TimeProvider clock)
{
    /// <summary>Why the question was not removed, or null when it was.</summary>
    public async Task<ConsultationRefusal?> RemoveAsync(StaffMember? by, Guid consultationId, Guid questionId)
    {
        if (await DraftQuestions.RefusalAsync(db, consultationId) is { } refusal)
            return refusal;
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == questionId && q.ConsultationId == consultationId);
        if (question is null)
            return new ConsultationRefusal.QuestionNotFound(questionId);
        db.Questions.Remove(question);
        db.ConsultationEvents.Add(ConsultationEvents.Of(consultationId, ConsultationAction.QuestionRemoved, by, clock.UtcNow(), subject: question.Code,
            before: question.Text));
        await db.SaveChangesAsync();
        return null;
    }
}

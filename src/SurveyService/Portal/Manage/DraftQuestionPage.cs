using Microsoft.AspNetCore.Mvc.RazorPages;
using SurveyService.Data.Consultations;

namespace SurveyService.Portal.Manage;

/// <summary>
/// A page about one question of a consultation (edit it, remove it): the question and its
/// consultation, and once published a 409 page that says its questions are frozen.
/// </summary>
internal abstract class DraftQuestionPage(SurveyDbContext db) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public Question Question { get; private set; } = null!;
    public bool Frozen => Consultation.PublishedAt is not null;

    /// <summary>False when there is no such question in that consultation; a frozen one answers 409.</summary>
    protected async Task<bool> ReadAsync(Guid id, Guid questionId)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        var question = await db.Questions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId && q.ConsultationId == id);
        if (consultation is null || question is null)
            return false;
        (Consultation, Question) = (consultation, question);
        if (Frozen)
            Response.StatusCode = StatusCodes.Status409Conflict;
        return true;
    }
}

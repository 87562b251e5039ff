using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SurveyService.Consultations;
using SurveyService.Identity;
using UseCase = SurveyService.Consultations.RemoveQuestion;

namespace SurveyService.Portal.Manage;

/// <summary>Removing a draft's question, confirmed on its own page (no script needed): the same RemoveQuestion as DELETE …/questions/{questionId}.</summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class RemoveQuestionModel(SurveyDbContext db, UseCase removing) : DraftQuestionPage(db)
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid questionId) => await ReadAsync(id, questionId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid questionId)
    {
        if (!await ReadAsync(id, questionId))
            return NotFound();
        if (Frozen)
            return Page();
        return await removing.RemoveAsync(StaffMember.From(User), id, questionId) switch
        {
            null => Redirect($"/manage/consultations/{id}?removed={Uri.EscapeDataString(Question.Code)}#questions"),
            ConsultationRefusal.QuestionsFrozen => Page(),
            _ => NotFound(),
        };
    }
}

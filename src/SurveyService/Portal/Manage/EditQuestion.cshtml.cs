using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SurveyService.Consultations;
using SurveyService.Identity;

namespace SurveyService.Portal.Manage;

/// <summary>
/// The Secretariat rewrites a draft's question: the add form's fields, prefilled; the same checks
/// and ChangeQuestion as PUT …/questions/{questionId}; refusals beside their fields, what was typed kept.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class EditQuestionModel(SurveyDbContext db, ChangeQuestion changing, IStringLocalizer<PortalText> t) : DraftQuestionPage(db)
{
    public QuestionInput Input { get; private set; } = new();
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid questionId)
    {
        if (!await ReadAsync(id, questionId))
            return NotFound();
        Input = QuestionInput.From(Question);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid questionId)
    {
        if (!await ReadAsync(id, questionId))
            return NotFound();
        if (Frozen)
            return Page();
        await TryUpdateModelAsync(Input, "");
        if (Input.ToRequest(Errors, t) is not { } request)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        switch (await changing.ChangeAsync(StaffMember.From(User), id, questionId, request))
        {
            case QuestionOutcome.Done(var questions):
                return Redirect($"/manage/consultations/{id}?changed={Uri.EscapeDataString(questions[0].Code)}#q-{questionId}");
            case QuestionOutcome.Refused(var why):
                var status = QuestionInput.Refused(why, Errors, t);
                if (status == StatusCodes.Status404NotFound)
                    return NotFound();
                Response.StatusCode = status;
                return Page();
            default:
                return NotFound();
        }
    }
}

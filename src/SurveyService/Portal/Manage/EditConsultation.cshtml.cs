using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Portal.Manage;

/// <summary>
/// The Secretariat edits a consultation: the new-consultation form's fields, prefilled, through the
/// same ChangeConsultation as PATCH /api/consultations/{id}. Once published only what
/// <see cref="ScheduleChange"/> allows without a reason is offered, its texts and weights; the
/// deadline moves on the extend page, with a reason.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class EditConsultationModel(SurveyDbContext db, ChangeConsultation changing, TimeProvider clock, IStringLocalizer<PortalText> t)
    : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public ConsultationStatus Status { get; private set; }
    public ConsultationInput Input { get; private set; } = new();
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await ReadAsync(id))
            return NotFound();
        Input = ConsultationInput.From(Consultation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await ReadAsync(id))
            return NotFound();
        await TryUpdateModelAsync(Input, "");
        var draft = Status == ConsultationStatus.Draft;
        DateTimeOffset? opens = null, closes = null;
        RespondentCategory[]? eligible = null;
        if (draft)
        {
            Input.ReadEligible(Request.Form);
            (opens, closes, eligible) = (Input.Opens(Errors, t), Input.Closes(Errors, t), [.. Input.Eligible]);
        }
        var weights = Input.ParsedWeights(Errors, t);
        var request = new UpdateConsultationRequest(Input.Title?.Trim() ?? "", Input.Description ?? "", opens, closes, eligible, weights);
        var errors = new ValidationErrors();
        RequestValidation.Check(request, errors);
        foreach (var field in errors.ToDictionary().Keys)
            ConsultationInput.Word(field, Errors, t);
        if (Errors.Count == 0)
        {
            switch (await changing.ChangeAsync(StaffMember.From(User), id, request))
            {
                case ConsultationOutcome.Done:
                    return Redirect($"/manage/consultations/{id}?edited=true");
                case ConsultationOutcome.Refused(ConsultationRefusal.ClosesBeforeOpening):
                    Errors["closes"] = t["Give the deadline as a date and time in UTC, after the opening."];
                    break;
                case ConsultationOutcome.Refused(ConsultationRefusal.NotFound):
                    return NotFound();
                default:
                    // Published meanwhile (from another page or the API): the schedule is no longer this form's to change.
                    Errors["title"] = t["The consultation was published meanwhile; reload the page to see what can still change."];
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return Page();
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> ReadAsync(Guid id)
    {
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.Weights).FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return false;
        Consultation = consultation;
        Status = ConsultationSchedule.From(consultation).StatusAt(clock.UtcNow());
        return true;
    }
}

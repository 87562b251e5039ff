using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Identity;

namespace SurveyService.Portal.Manage;

/// <summary>Close now, confirmed: the same CloseConsultationNow as POST …/close, with the same effect as the deadline passing.</summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class CloseConsultationModel(SurveyDbContext db, CloseConsultationNow closing, TimeProvider clock) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public ConsultationStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await ReadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await ReadAsync(id))
            return NotFound();
        return await closing.CloseAsync(StaffMember.From(User), id) switch
        {
            CloseOutcome.Closed => Redirect($"/manage/consultations/{id}?closed=true"),
            CloseOutcome.Draft => Conflict(),
            _ => NotFound(),
        };
    }

    private PageResult Conflict()
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> ReadAsync(Guid id)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return false;
        Consultation = consultation;
        Status = ConsultationSchedule.From(consultation).StatusAt(clock.UtcNow());
        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Consultations;
using SurveyService.Data.Consultations;
using SurveyService.Identity;

namespace SurveyService.Portal.Manage;

/// <summary>Publishing, confirmed: the page names what freezes, then calls PublishConsultation as POST …/publish does.</summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class PublishConsultationModel(SurveyDbContext db, PublishConsultation publishing, IStringLocalizer<PortalText> t) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public int QuestionCount { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await ReadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await ReadAsync(id))
            return NotFound();
        switch (await publishing.PublishAsync(StaffMember.From(User), id))
        {
            case ConsultationOutcome.Done:
                return Redirect($"/manage/consultations/{id}?published=true");
            case ConsultationOutcome.Refused(var why):
                Refusal = why switch
                {
                    ConsultationRefusal.NoQuestions => t["It has no questions yet: add at least one, then publish."],
                    ConsultationRefusal.DeadlinePassed => t["Its deadline has passed: set a later deadline, then publish."],
                    ConsultationRefusal.AlreadyPublished => t["It is already published."],
                    _ => t["It cannot be published as it is."],
                };
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> ReadAsync(Guid id)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return false;
        Consultation = consultation;
        QuestionCount = await db.Questions.CountAsync(q => q.ConsultationId == id);
        return true;
    }
}

using System.Globalization;
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
/// The Secretariat extends a published consultation's deadline with a reason: the same
/// ChangeConsultation as PATCH /api/consultations/{id} with {closesAt, reason}. A new deadline that
/// is not later, a closed consultation or a missing reason is said beside its field, in the reader's
/// language, with everything typed kept. Times are entered in UTC, as on the new consultation page.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class ExtendDeadlineModel(SurveyDbContext db, ChangeConsultation changing, TimeProvider clock, IStringLocalizer<PortalText> t)
    : PageModel
{
    private const string MinuteFormat = "yyyy-MM-ddTHH:mm";

    public Consultation Consultation { get; private set; } = null!;
    public ConsultationStatus Status { get; private set; }
    public DateTime? DeadlineExtendedFrom { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty] public string? ClosesAt { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await ReadAsync(id))
            return NotFound();
        ClosesAt = Consultation.ClosesAt.ToString(MinuteFormat, CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await ReadAsync(id))
            return NotFound();
        if (Status == ConsultationStatus.Draft)
            return Refused(StatusCodes.Status409Conflict);
        var closes = DateTime.TryParseExact(ClosesAt?.Trim(), [MinuteFormat, "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant) ? instant : (DateTime?)null;
        if (Status == ConsultationStatus.Closed)
            Errors["closes"] = t["The consultation has closed, so its deadline can no longer change."];
        else if (closes is null)
            Errors["closes"] = t["Give the new deadline as a date and time in UTC."];
        else if (closes <= Consultation.ClosesAt)
            Errors["closes"] = t["Give a deadline later than the current one, {0}.", PortalNames.Utc(Consultation.ClosesAt)];
        if (string.IsNullOrWhiteSpace(Reason))
            Errors["reason"] = t["Give the reason for extending the deadline."];
        var request = new UpdateConsultationRequest(ClosesAt: closes is { } c ? new DateTimeOffset(c, TimeSpan.Zero) : null, Reason: Reason);
        var errors = new ValidationErrors();
        RequestValidation.Check(request, errors);
        if (errors.ToDictionary().ContainsKey("reason"))
            Errors.TryAdd("reason", t["Keep the reason within 2,000 characters, without control characters."]);
        if (Errors.Count > 0)
            return Refused(Status == ConsultationStatus.Closed ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);

        switch (await changing.ChangeAsync(StaffMember.From(User), id, request))
        {
            case ConsultationOutcome.Done:
                return Redirect($"/manage/consultations/{id}?extended=true");
            case ConsultationOutcome.Refused(ConsultationRefusal.ScheduleFixedAfterClose):
                Errors["closes"] = t["The consultation has closed, so its deadline can no longer change."];
                return Refused(StatusCodes.Status409Conflict);
            case ConsultationOutcome.Refused(ConsultationRefusal.DeadlineNotAhead):
                Errors["closes"] = t["Give a deadline in the future; to end the consultation now, close it instead."];
                return Refused(StatusCodes.Status400BadRequest);
            case ConsultationOutcome.Refused(ConsultationRefusal.ReasonRequired):
                Errors["reason"] = t["Give the reason for extending the deadline."];
                return Refused(StatusCodes.Status400BadRequest);
            case ConsultationOutcome.Refused(ConsultationRefusal.NotFound):
                return NotFound();
            default:
                Errors["closes"] = t["Give the new deadline as a date and time in UTC."];
                return Refused(StatusCodes.Status400BadRequest);
        }
    }

    private PageResult Refused(int status)
    {
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> ReadAsync(Guid id)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return false;
        Consultation = consultation;
        Status = ConsultationSchedule.From(consultation).StatusAt(clock.UtcNow());
        DeadlineExtendedFrom = await DeadlineExtensions.ExtendedFromAsync(db, consultation);
        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Portal.Manage;

/// <summary>
/// The Secretariat creates a consultation as a draft: the same request, checks and CreateConsultation
/// as POST /api/consultations, each refused field named in the reader's language beside the field.
/// Times are entered and shown in UTC, as the deadline is kept.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class NewConsultationModel(CreateConsultation creating, TimeProvider clock, IStringLocalizer<PortalText> t) : PageModel
{
    public ConsultationInput Input { get; } = new();
    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet()
    {
        var tomorrow = clock.UtcNow().Date.AddDays(1).AddHours(9);
        Input.OpensAt = ConsultationInput.Minute(tomorrow);
        Input.ClosesAt = ConsultationInput.Minute(tomorrow.AddDays(30).AddHours(8));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await TryUpdateModelAsync(Input, "");
        Input.ReadEligible(Request.Form);
        var (opens, closes) = (Input.Opens(Errors, t), Input.Closes(Errors, t));
        var weights = Input.ParsedWeights(Errors, t);
        var request = new CreateConsultationRequest(Input.Title?.Trim(), opens, closes, Input.Description, [.. Input.Eligible], weights);
        var errors = new ValidationErrors();
        RequestValidation.Check(request, errors);
        foreach (var field in errors.ToDictionary().Keys)
            ConsultationInput.Word(field, Errors, t);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var consultation = await creating.CreateAsync(StaffMember.From(User), request);
        return Redirect($"/manage?created={consultation.Id}");
    }
}

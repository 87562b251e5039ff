using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SurveyService.Identity;
using SurveyService.Questionnaires;

namespace SurveyService.Portal.Consultations;

/// <summary>
/// The way into a respondent's own pages of a consultation (review, receipt): signed in as a
/// respondent, and asked this consultation. Otherwise Refusal is where to go instead: the sign-in
/// page, 403 for staff, the consultation's page (which says why a category is not asked), or 404.
/// </summary>
internal sealed record RespondentEntry(Respondent? Respondent, QuestionnaireOutcome.Ready? Ready, IActionResult? Refusal)
{
    public static async Task<RespondentEntry> EnterAsync(PageModel page, ReadQuestionnaire reading, Guid id)
    {
        if (Respondent.From(page.User) is not { } respondent)
            return Refused(page.User.Identity?.IsAuthenticated == true ? new StatusCodeResult(StatusCodes.Status403Forbidden)
                : new RedirectResult($"/account/login?returnUrl={Uri.EscapeDataString(page.Request.Path)}"));
        return await reading.ForAsync(page.User, id) switch
        {
            QuestionnaireOutcome.Ready ready => new(respondent, ready, null),
            QuestionnaireOutcome.NotEligible => Refused(new RedirectResult($"/consultations/{id}")),
            _ => Refused(new NotFoundResult()),
        };
    }

    private static RespondentEntry Refused(IActionResult where) => new(null, null, where);
}

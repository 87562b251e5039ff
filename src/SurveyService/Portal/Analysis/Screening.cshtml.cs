using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Analysis;
using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Portal.Analysis;

/// <summary>
/// The screening queue: the consultation's text answers, filtered by question, tier, category and
/// state, each with a form to mark it not related to its question (with the reason) or related
/// again, through the same ScreenAnswer as PUT …/answers/{answerId}/screening. A decision returns to
/// the same filtered page; the figures and the workbook follow it once recompiled.
/// </summary>
[Authorize(Policy = Policies.Analyst)]
internal sealed class ScreeningModel(SurveyDbContext db, ScreenAnswer screening, IStringLocalizer<PortalText> t) : PageModel
{
    public const string NotRelated = "not-related";
    public const string RelatedAgain = "related";

    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public ScreeningFilter Filter { get; private set; } = null!;
    public ScreeningPage Queue { get; private set; } = new([], 0);
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>The answer a refused decision was about, and the reason typed for it, shown again as typed.</summary>
    public (Guid Answer, string? Reason)? Typed { get; private set; }

    /// <summary>The answer just decided on, from the redirect after a decision, and what was decided.</summary>
    public (Guid Answer, string Decision)? Decided { get; private set; }

    public int Pages => Math.Max(1, (Queue.Total + ScreeningQueue.PageSize - 1) / ScreeningQueue.PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? screened, string? decision)
    {
        if (!await ReadAsync(id))
            return NotFound();
        if (screened is { } answer && decision is NotRelated or RelatedAgain)
            Decided = (answer, decision);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid answer, string? decision)
    {
        // As typed: model binding would turn a reason of spaces into null, and it is shown again as typed.
        var reason = Request.Form["reason"].ToString();
        var analyst = StaffMember.From(User) ?? throw new InvalidOperationException("The Analyst policy let in someone who is not staff.");
        if (decision is not (NotRelated or RelatedAgain))
            return BadRequest();
        var related = decision == RelatedAgain;
        // The API's own rule for the request: a reason when not related, of at most 2,000 characters.
        var errors = new ValidationErrors();
        RequestValidation.Check(new ScreeningRequest(related, related ? null : reason), errors);
        if (errors.ToDictionary().Count > 0)
        {
            if (!await ReadAsync(id))
                return NotFound();
            Typed = (answer, reason);
            Errors[$"reason-{answer}"] = string.IsNullOrWhiteSpace(reason)
                ? t["Give the reason the answer does not relate to the question."]
                : t["Keep the reason within 2,000 characters, without control characters."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return await screening.ScreenAsync(analyst, id, answer, related, reason) switch
        {
            ScreeningOutcome.Screened => Redirect(Return(id, answer, decision)),
            _ => NotFound(),
        };
    }

    /// <summary>Back to the same filtered page, at the answer's confirmation.</summary>
    private string Return(Guid id, Guid answer, string decision)
    {
        var address = ScreeningFilter.From(Request.Query).Address(id);
        return $"{address}{(address.Contains('?') ? '&' : '?')}screened={answer}&decision={decision}#screened";
    }

    private async Task<bool> ReadAsync(Guid id)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return false;
        Consultation = consultation;
        Questions = await db.Questions.AsNoTracking().Where(q => q.ConsultationId == id && q.Type == QuestionType.Text).OrderBy(q => q.Order).ToListAsync();
        Filter = ScreeningFilter.From(Request.Query);
        Queue = await ScreeningQueue.ReadAsync(db, screening, id, Filter);
        return true;
    }
}

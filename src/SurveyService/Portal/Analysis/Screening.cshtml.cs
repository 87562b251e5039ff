using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Analysis;
using SurveyService.Analysis.Themes;
using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Portal.Analysis;

/// <summary>
/// The screening queue: the consultation's text answers, filtered by question, tier, category and
/// state, each with a form to mark it not related to its question (with the reason) or related
/// again, through the same ScreenAnswer as PUT …/answers/{answerId}/screening. A decision returns to
/// the same filtered page; the figures and the workbook follow it once recompiled. Each answer also
/// carries the consultation's themes as checkboxes, saved through the same ThemeTagging as PUT and
/// DELETE …/answers/{answerId}/themes/{themeId}.
/// </summary>
[Authorize(Policy = Policies.Analyst)]
internal sealed class ScreeningModel(SurveyDbContext db, ScreenAnswer screening, ThemeTagging tagging, ThemeReads reads, IStringLocalizer<PortalText> t)
    : PageModel
{
    public const string NotRelated = "not-related";
    public const string RelatedAgain = "related";

    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public ScreeningFilter Filter { get; private set; } = null!;
    public ScreeningPage Queue { get; private set; } = new([], 0);
    public Dictionary<string, string> Errors { get; } = [];
    public IReadOnlyList<ThemeListItem> Themes { get; private set; } = [];

    /// <summary>The themes each listed answer carries, by theme id.</summary>
    public IReadOnlyDictionary<Guid, HashSet<Guid>> Tagged { get; private set; } = new Dictionary<Guid, HashSet<Guid>>();

    /// <summary>The answer whose themes were just saved, from the redirect after saving.</summary>
    public Guid? Themed { get; private set; }

    /// <summary>The answer a refused decision was about, and the reason typed for it, shown again as typed.</summary>
    public (Guid Answer, string? Reason)? Typed { get; private set; }

    /// <summary>The answer just decided on, from the redirect after a decision, and what was decided.</summary>
    public (Guid Answer, string Decision)? Decided { get; private set; }

    public int Pages => Math.Max(1, (Queue.Total + ScreeningQueue.PageSize - 1) / ScreeningQueue.PageSize);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? screened, string? decision, Guid? themed)
    {
        if (!await ReadAsync(id))
            return NotFound();
        Themed = themed;
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

    /// <summary>The answer's themes as the checkboxes left them: each theme ticked is put on, each other one taken off.</summary>
    public async Task<IActionResult> OnPostThemesAsync(Guid id, Guid answer, Guid[] theme)
    {
        var analyst = StaffMember.From(User) ?? throw new InvalidOperationException("The Analyst policy let in someone who is not staff.");
        var themes = await reads.ListAsync(id);
        var carried = CarriedBy(themes, await reads.OfAnswersAsync([answer]), [answer])[answer];
        foreach (var each in themes.Where(each => theme.Contains(each.Id) != carried.Contains(each.Id)))
        {
            switch (await tagging.TagAsync(analyst, id, answer, each.Id, theme.Contains(each.Id)))
            {
                case ThemeOutcome.Done:
                    break;
                case ThemeOutcome.NotATextAnswer:
                    return BadRequest();
                default:
                    return NotFound();
            }
        }
        var address = ScreeningFilter.From(Request.Query).Address(id);
        return Redirect($"{address}{(address.Contains('?') ? '&' : '?')}themed={answer}#themed");
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
        Themes = await reads.ListAsync(id);
        Tagged = CarriedBy(Themes, await reads.OfAnswersAsync([.. Queue.Answers.Select(a => a.AnswerId)]), Queue.Answers.Select(a => a.AnswerId));
        return true;
    }

    /// <summary>
    /// The ids of the themes each answer carries: ThemeReads gives their names, unique in the
    /// consultation ignoring case, so a name finds its theme.
    /// </summary>
    private static Dictionary<Guid, HashSet<Guid>> CarriedBy(IReadOnlyList<ThemeListItem> themes, ILookup<Guid, string> names, IEnumerable<Guid> answers)
    {
        var byName = themes.ToDictionary(theme => theme.Name, theme => theme.Id, StringComparer.OrdinalIgnoreCase);
        return answers.Distinct().ToDictionary(answer => answer,
            answer => names[answer].Select(name => byName.GetValueOrDefault(name)).Where(theme => theme != Guid.Empty).ToHashSet());
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Analysis.Themes;
using SurveyService.Data.Consultations;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Portal.Analysis;

/// <summary>
/// The themes analysts name for a consultation's text answers, each with how many answers carry it:
/// name one, or remove one with its tags, through the same ThemeTagging as POST and DELETE
/// …/themes. Answers are tagged on the screening queue.
/// </summary>
[Authorize(Policy = Policies.Analyst)]
internal sealed class ThemesModel(SurveyDbContext db, ThemeTagging tagging, ThemeReads reads, IStringLocalizer<PortalText> t) : PageModel
{
    public const string Named = "named";
    public const string Removed = "removed";

    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<ThemeListItem> Themes { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>The name typed, shown again as typed when refused.</summary>
    public string? Typed { get; private set; }

    /// <summary>What was just done, from the redirect after it: named or removed.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done)
    {
        if (!await ReadAsync(id))
            return NotFound();
        Done = done is Named or Removed ? done : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        // As typed: model binding would turn spaces into null, and a refused name is shown again as typed.
        var name = Request.Form["theme"].ToString();
        if (!await ReadAsync(id))
            return NotFound();
        // The API's own rule for the request: a name, of at most ThemeTagging.MaxNameLength characters.
        var errors = new ValidationErrors();
        RequestValidation.Check(new ThemeRequest(name), errors);
        if (errors.ToDictionary().Count > 0)
            return Refused(name, string.IsNullOrWhiteSpace(name)
                ? t["Name the theme."]
                : t["Keep the theme's name within {0} characters, without control characters.", PortalNames.Number(ThemeTagging.MaxNameLength)]);
        var analyst = StaffMember.From(User) ?? throw new InvalidOperationException("The Analyst policy let in someone who is not staff.");
        return await tagging.NameAsync(analyst, id, name) switch
        {
            ThemeOutcome.Named => Redirect($"/analysis/{id}/themes?done={Named}#done"),
            ThemeOutcome.NameTaken(var taken) => Refused(name, t["This consultation already has a theme named {0}.", taken]),
            var outcome => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid theme) =>
        await tagging.RemoveAsync(id, theme) is ThemeOutcome.Done ? Redirect($"/analysis/{id}/themes?done={Removed}#done") : NotFound();

    private PageResult Refused(string typed, string error)
    {
        Typed = typed;
        Errors["theme"] = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> ReadAsync(Guid id)
    {
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (consultation is null)
            return false;
        Consultation = consultation;
        Themes = await reads.ListAsync(id);
        return true;
    }
}

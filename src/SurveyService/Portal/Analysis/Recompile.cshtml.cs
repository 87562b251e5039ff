using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SurveyService.Analysis;
using SurveyService.Data.Consultations;
using SurveyService.Identity;

namespace SurveyService.Portal.Analysis;

/// <summary>
/// Compile the analysis again after screening: the same RequestCompile as POST …/analysis. The
/// results and screening pages post here; the list of analyses then shows the compile's progress.
/// </summary>
[Authorize(Policy = Policies.Analyst)]
internal sealed class RecompileModel(SurveyDbContext db, RequestCompile compiling) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;

    /// <summary>Only a closed consultation has an analysis to compile again.</summary>
    public bool NotClosed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await ReadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await ReadAsync(id))
            return NotFound();
        switch (await compiling.RequestAsync(id))
        {
            case CompileRequestOutcome.Requested:
                return Redirect($"/analysis?recompiling={id}#consultation-{id}");
            case CompileRequestOutcome.NotClosed:
                NotClosed = true;
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
        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SurveyService.Analysis;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Portal.Analysis;

/// <summary>
/// A workbook download for the analysts' page: the same ReadWorkbook as GET …/analysis/workbook,
/// but when there is none yet the answer is a page in the reader's language, not problem+json.
/// </summary>
[Authorize(Policy = Policies.Analyst)]
internal sealed class WorkbookModel(ReadWorkbook reading) : PageModel
{
    public AnalysisStatusResponse? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? tier)
    {
        QuestionTier? scope = null;
        if (tier is not null)
        {
            if (!EnumName.TryParse<QuestionTier>(tier, out var named))
                return NotFound();
            scope = named;
        }
        switch (await reading.ForAsync(id, scope))
        {
            case WorkbookOutcome.Found found:
                Response.Headers.ContentDisposition = found.ContentDisposition;
                return File(found.Content, AnalysisEndpoints.XlsxType);
            case WorkbookOutcome.NotReady notReady:
                Status = notReady.Status;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return NotFound();
        }
    }
}

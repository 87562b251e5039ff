using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SurveyService.Accounts.Import;
using SurveyService.Identity;

namespace SurveyService.Portal.Manage;

/// <summary>
/// The Secretariat imports the lists it keeps (CSV or .xlsx) through the same ImportEntities as
/// POST /api/entities/import: Check only is its dry run; Import writes nothing unless every row is right.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class ImportEntitiesPageModel(ImportEntities importing, IOptions<EntityImportOptions> options, IStringLocalizer<PortalText> t)
    : PageModel
{
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public string? FileRefusal { get; private set; }
    public ImportCounts? Clean { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? mode)
    {
        var dryRun = mode != "import";
        if (file is null || file.Length == 0)
            return Refuse(t["Choose a file to import."], StatusCodes.Status400BadRequest);
        if (file.Length > options.Value.MaxBodyBytes)
            return Refuse(t["The file is larger than {0} MB; import the list in parts.", options.Value.MaxBodyBytes / (1024 * 1024)],
                StatusCodes.Status413PayloadTooLarge);
        if (ImportFormats.Detect(file.ContentType, file.FileName) is not { } format)
            return Refuse(t["Only CSV files (UTF-8) and Excel workbooks (.xlsx) can be imported."], StatusCodes.Status415UnsupportedMediaType);
        using var content = new MemoryStream();
        await file.CopyToAsync(content, HttpContext.RequestAborted);

        switch (await importing.ImportAsync(new ImportFile(format, content.ToArray()), dryRun))
        {
            case ImportOutcome.Imported imported:
                return Redirect($"/manage/entities/import?imported={imported.Counts.Entities}&focalPoints={imported.Counts.FocalPoints}");
            case ImportOutcome.Checked { Problems.Count: 0 } clean:
                Clean = clean.Counts;
                return Page();
            case ImportOutcome.Checked found:
                return WithProblems(found.Problems);
            case ImportOutcome.Refused refused:
                return WithProblems(refused.Problems);
            case ImportOutcome.Unreadable(var why):
                return Refuse(ImportProblemWords.Of(t, why), StatusCodes.Status400BadRequest);
            default:
                throw new InvalidOperationException("Unknown import outcome.");
        }
    }

    private PageResult WithProblems(IReadOnlyList<ImportProblem> problems)
    {
        Problems = problems;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private PageResult Refuse(string why, int status)
    {
        FileRefusal = why;
        Response.StatusCode = status;
        return Page();
    }
}

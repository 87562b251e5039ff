using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SurveyService.Portal;

/// <summary>
/// Every error under the portal's paths, as a page in the person's language with what to do next;
/// reached by re-execution, so the status and headers (Retry-After) of the refusal are kept.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public int? RetryAfterSeconds { get; private set; }

    public string? OriginalPath { get; private set; }

    public void OnGet(int? status) => Read(status);

    // A refused POST (the sign-in form flooded) is re-executed as a POST.
    public void OnPost(int? status) => Read(status);

    private void Read(int? status)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Status = reExecuted?.OriginalStatusCode ?? (status is >= 400 and < 600 ? status.Value : StatusCodes.Status404NotFound);
        OriginalPath = reExecuted?.OriginalPath;
        if (int.TryParse(Response.Headers.RetryAfter, out var seconds))
            RetryAfterSeconds = seconds;
        Response.StatusCode = Status;
    }
}

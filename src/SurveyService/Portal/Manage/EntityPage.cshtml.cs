using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Accounts;
using SurveyService.Data.Entities;
using SurveyService.Identity;

namespace SurveyService.Portal.Manage;

/// <summary>
/// One entity with its focal points: add one (POST /api/entities/{id}/accounts), disable or enable
/// one (POST /api/accounts/{id}/disable, /enable), through the same use cases.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class EntityPageModel(AccountReads reads, ProvisionAccounts provisioning, AccountAccess access, IStringLocalizer<PortalText> t)
    : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public Entity Entity { get; private set; } = null!;
    public IReadOnlyList<ListedAccount> FocalPoints { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var request = new CreateFocalPointRequest(Email?.Trim(), Name?.Trim(), Password);
        if (AccountForms.Check(request, Errors, t))
        {
            var outcome = await provisioning.FocalPointAsync(id, request.Email!, request.DisplayName!, request.Password!);
            if (outcome is AccountOutcome.EntityNotFound)
                return NotFound();
            if (AccountForms.Word(outcome, Errors, t) is not { } status)
                return Redirect($"/manage/entities/{id}?added={Uri.EscapeDataString(request.Email!)}");
            Response.StatusCode = status;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Password = null;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostDisableAsync(Guid id) => AccountForms.SetAccessAsync(this, access, disabled: true, outcome => RefusedAsync(id, outcome));

    public Task<IActionResult> OnPostEnableAsync(Guid id) => AccountForms.SetAccessAsync(this, access, disabled: false, outcome => RefusedAsync(id, outcome));

    private async Task<IActionResult> RefusedAsync(Guid id, AccessOutcome outcome)
    {
        (Refusal, Response.StatusCode) = AccountForms.Refusal(outcome, t);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await reads.FocalPointsAsync(id) is not { } found)
            return false;
        (Entity, FocalPoints) = (found.Entity, found.FocalPoints);
        return true;
    }
}

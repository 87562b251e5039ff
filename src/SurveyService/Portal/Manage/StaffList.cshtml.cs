using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Accounts;
using SurveyService.Identity;

namespace SurveyService.Portal.Manage;

/// <summary>
/// The staff accounts, Secretariat and analysts: add one (POST /api/staff), disable or enable one,
/// through the same use cases. Nobody disables their own account here.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
internal sealed class StaffListModel(AccountReads reads, ProvisionAccounts provisioning, AccountAccess access, IStringLocalizer<PortalText> t) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public StaffRole? Role { get; set; }

    public IReadOnlyList<ListedAccount> Staff { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Refusal { get; private set; }
    public string? CurrentUserId => StaffMember.From(User)?.UserId;

    public async Task OnGetAsync() => Staff = await reads.StaffAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var request = new CreateStaffRequest(Email?.Trim(), Name?.Trim(), Password, Role is { } r && Enum.IsDefined(r) ? r : null);
        if (AccountForms.Check(request, Errors, t))
        {
            var outcome = await provisioning.StaffAsync(request.Email!, request.DisplayName!, request.Password!, request.Role!.Value);
            if (AccountForms.Word(outcome, Errors, t) is not { } status)
                return Redirect($"/manage/staff?added={Uri.EscapeDataString(request.Email!)}");
            Response.StatusCode = status;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Password = null;
        Staff = await reads.StaffAsync();
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync() => AccountForms.SetAccessAsync(this, access, disabled: true, RefusedAsync);

    public Task<IActionResult> OnPostEnableAsync() => AccountForms.SetAccessAsync(this, access, disabled: false, RefusedAsync);

    private async Task<IActionResult> RefusedAsync(AccessOutcome outcome)
    {
        (Refusal, Response.StatusCode) = AccountForms.Refusal(outcome, t);
        Staff = await reads.StaffAsync();
        return Page();
    }
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SurveyService.Identity;

namespace SurveyService.Portal.Account;

/// <summary>
/// The sign-in page of the portal and of the authorization-code flow: it sets the Identity cookie
/// and sends the person back where they came from (a local address only).
/// </summary>
// The antiforgery check is the page's own, so an expired form is answered with the form again, not a bare 400.
[IgnoreAntiforgeryToken]
[EnableRateLimiting(SignInRateLimit.Policy)]
internal sealed class LoginModel(PasswordCheck passwords, AccountClaims claims, IAntiforgery antiforgery, IStringLocalizer<PortalText> t) : PageModel
{
    public string? Email { get; set; }

    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync()
    {
        // Read here rather than bound, so a form the reader refuses (a NUL in a field) is answered with the page, not a 500.
        var (posted, refusedWith) = await PortalForm.ReadAsync(Request);
        if (posted is not { } form)
            return refusedWith == StatusCodes.Status400BadRequest
                ? Refused(t["The form contains a character it cannot carry; sign in again."], refusedWith)
                : StatusCode(refusedWith);
        Email = form["email"].ToString();
        ReturnUrl = form["returnUrl"].ToString();
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
            return Refused(t["The sign-in form expired; sign in again."], StatusCodes.Status400BadRequest);
        var (user, refusal) = await passwords.VerifyAsync(Email, form["password"].ToString(), HttpContext.Connection.RemoteIpAddress?.ToString());
        if (user is null)
            return Refused(refusal!.WaitSeconds > 0
                ? t["Too many wrong passwords for this account from your address; try again in {0} seconds.", refusal.WaitSeconds]
                : t["The email or password is wrong (after many wrong passwords an account is also locked for a while)."],
                StatusCodes.Status400BadRequest);

        // The same claims as a token: the pages, the API and the jobs dashboard read them alike.
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, await claims.ForCookieAsync(user, HttpContext.RequestAborted));
        return LocalRedirect(PortalSignIn.IsLocal(ReturnUrl) ? ReturnUrl! : "/");
    }

    private PageResult Refused(string error, int status)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SurveyService.Accounts;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Portal.Account;

/// <summary>
/// A non-member registers itself, as with POST /api/accounts/register: always a Stakeholder. The
/// rules are the request's own; the page only words each field's refusal in the reader's language.
/// </summary>
[EnableRateLimiting(SignInRateLimit.Policy)]
internal sealed class RegisterModel(RegisterStakeholder registering, AccountClaims claims, IStringLocalizer<PortalText> t) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Organization { get; set; }
    [BindProperty] public string? StakeholderGroup { get; set; }
    [BindProperty] public string? Country { get; set; }

    /// <summary>Field id to its message, in the order of the form.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var request = new RegistrationRequest(Email?.Trim(), Password, Name, Organization, StakeholderGroup, Country?.Trim());
        var status = StatusCodes.Status400BadRequest;
        var errors = new ValidationErrors();
        RequestValidation.Check(request, errors);
        if (errors.IsEmpty)
        {
            switch (await registering.RegisterAsync(request))
            {
                case AccountOutcome.Created created:
                    await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, await claims.ForCookieAsync(created.User, HttpContext.RequestAborted));
                    return LocalRedirect("/");
                case AccountOutcome.EmailTaken:
                    Errors["email"] = t["An account with this email already exists; sign in instead."];
                    status = StatusCodes.Status409Conflict;
                    break;
                case AccountOutcome.Invalid invalid:
                    Word(invalid.Errors.Keys);
                    break;
            }
        }
        else
        {
            Word(errors.ToDictionary().Keys);
        }
        Password = null;
        Response.StatusCode = status;
        return Page();
    }

    private void Word(IEnumerable<string> fields)
    {
        var refused = fields.ToHashSet();
        foreach (var (field, id, message) in Fields)
            if (refused.Contains(field))
                Errors[id] = t[message];
        if (Errors.Count == 0)
            Errors["email"] = t["Check the email address and the password."];
    }

    /// <summary>The request's field, the form's field, and what to do about it.</summary>
    private static readonly (string Field, string Id, string Message)[] Fields =
    [
        ("email", "email", "Give a valid email address, such as name@example.org."),
        ("password", "password", "Use a password of at least 10 characters with an upper-case letter, a lower-case letter and a digit."),
        ("displayName", "name", "Give your name (at most 200 characters)."),
        ("organization", "organization", "Give the organization in at most 300 characters."),
        ("stakeholderGroup", "stakeholder-group", "Give the stakeholder group in at most 100 characters."),
        ("country", "country", "Give the country as a two-letter code, such as CH or KE."),
    ];
}

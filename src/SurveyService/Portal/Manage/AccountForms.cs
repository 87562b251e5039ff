using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SurveyService.Accounts;
using SurveyService.Identity;
using SurveyService.Problems;

namespace SurveyService.Portal.Manage;

/// <summary>The accounts table of the entity and staff pages: who, and a button to disable or enable each.</summary>
internal sealed record AccountTable(string Caption, IReadOnlyList<ListedAccount> Accounts, bool ShowRole, string? CurrentUserId);

/// <summary>
/// What the entity and staff pages share: an account created from their form, its refusals worded
/// beside the fields, and an account disabled or enabled, all through the API's own use cases.
/// </summary>
internal static class AccountForms
{
    /// <summary>Null when the account was created; otherwise the form's errors are filled and the status to answer with is returned.</summary>
    public static int? Word(AccountOutcome outcome, Dictionary<string, string> errors, IStringLocalizer t)
    {
        switch (outcome)
        {
            case AccountOutcome.Created:
                return null;
            case AccountOutcome.EmailTaken:
                errors["email"] = t["An account with this email already exists."];
                return StatusCodes.Status409Conflict;
            case AccountOutcome.Invalid invalid:
                Word(invalid.Errors.Keys, errors, t);
                return StatusCodes.Status400BadRequest;
            default:
                return StatusCodes.Status404NotFound;
        }
    }

    /// <summary>The request's own checks, worded; true when it may go on.</summary>
    public static bool Check(IValidatable request, Dictionary<string, string> errors, IStringLocalizer t)
    {
        var found = new ValidationErrors();
        RequestValidation.Check(request, found);
        Word(found.ToDictionary().Keys, errors, t);
        return errors.Count == 0;
    }

    private static void Word(IEnumerable<string> fields, Dictionary<string, string> errors, IStringLocalizer t)
    {
        foreach (var field in fields)
        {
            switch (field)
            {
                case "email":
                    errors["email"] = t["Give a valid email address, such as name@example.org."];
                    break;
                case "password":
                    errors["password"] = t["Use a password of at least 10 characters with an upper-case letter, a lower-case letter and a digit."];
                    break;
                case "displayName":
                    errors["name"] = t["Give the person's name (at most 200 characters)."];
                    break;
                case "role":
                    errors["role"] = t["Choose the role: Secretariat or Analyst."];
                    break;
            }
        }
        if (errors.Count == 0 && fields.Any())
            errors["email"] = t["Check the email address and the password."];
    }

    /// <summary>Why the account's access was not changed, in the reader's language, with the status to answer.</summary>
    public static (string Message, int Status) Refusal(AccessOutcome outcome, IStringLocalizer t) => outcome is AccessOutcome.OwnAccount
        ? (t["You cannot disable your own account; another member of the Secretariat can."], StatusCodes.Status409Conflict)
        : (t["That account no longer exists."], StatusCodes.Status404NotFound);

    /// <summary>Disables or enables the account named by the form, then returns to the page with what was done.</summary>
    public static async Task<IActionResult> SetAccessAsync(PageModel page, AccountAccess access, bool disabled, Func<AccessOutcome, Task<IActionResult>> refused)
    {
        var secretariat = StaffMember.From(page.User) ?? throw new InvalidOperationException("The Secretariat policy let in someone who is not staff.");
        var userId = page.Request.Form["userId"].ToString();
        var outcome = await access.SetAsync(secretariat, userId, disabled);
        return outcome is AccessOutcome.Done(var user)
            ? new RedirectResult($"{page.Request.Path}?{(disabled ? "disabled" : "enabled")}={Uri.EscapeDataString(user.Email!)}")
            : await refused(outcome);
    }
}

using Microsoft.AspNetCore.Identity;
using SurveyService.Data.Accounts;

namespace SurveyService.Identity;

internal static class PasswordCheck
{
    public const string WrongCredentials = "The email or password is wrong.";

    /// <summary>
    /// The one password check of every sign-in (token endpoint, portal page): unknown email and
    /// wrong password read alike, a wrong password counts towards the lockout, a right one resets it.
    /// </summary>
    public static async Task<(SurveyUser? User, string? Refusal)> VerifyPasswordAsync(this UserManager<SurveyUser> users, string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
            return (null, WrongCredentials);
        if (await users.IsLockedOutAsync(user))
            return (null, AccountClaims.LockedMessage(user));
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return (null, await users.IsLockedOutAsync(user) ? AccountClaims.LockedMessage(user) : WrongCredentials);
        }
        await users.ResetAccessFailedCountAsync(user);
        return (user, null);
    }
}

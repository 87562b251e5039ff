using Microsoft.AspNetCore.Identity;
using SurveyService.Data.Accounts;

namespace SurveyService.Identity;

/// <summary>
/// The one password check of every sign-in (token endpoint, portal page). Unknown addresses, wrong
/// passwords and locked accounts read alike, in words and in time (an unknown address still costs
/// a hash), so that no answer tells whether an account exists.
/// </summary>
internal sealed class PasswordCheck(UserManager<SurveyUser> users, SignInThrottle throttle, ILogger<PasswordCheck> logger)
{
    public const string WrongCredentials = "The email or password is wrong (after many wrong passwords an account is also locked for a while).";

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<SurveyUser>().HashPassword(new SurveyUser { DisplayName = "" },
        Guid.NewGuid().ToString()));

    public async Task<(SurveyUser? User, SignInRefusal? Refusal)> VerifyAsync(string email, string password, string? address)
    {
        if (throttle.WaitFor(email, address) is { TotalSeconds: > 0 } wait)
            return (null, new SignInRefusal((int)Math.Ceiling(wait.TotalSeconds)));
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new SurveyUser { DisplayName = "" }, DummyHash.Value, password);
            throttle.Failed(email, address);
            return (null, SignInRefusal.Wrong);
        }
        if (await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user, DummyHash.Value, password);
            throttle.Failed(email, address);
            return (null, SignInRefusal.Wrong);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            throttle.Failed(email, address);
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
                logger.LogWarning("Account {UserId} locked after repeated wrong passwords (the last from {Address}).", user.Id, address);
            return (null, SignInRefusal.Wrong);
        }
        throttle.Succeeded(email, address);
        await users.ResetAccessFailedCountAsync(user);
        return (user, null);
    }
}

/// <summary>Why a sign-in was refused: wrong credentials (said alike for every cause), or a wait before the next try. Each door words it.</summary>
internal sealed record SignInRefusal(int WaitSeconds)
{
    public static readonly SignInRefusal Wrong = new(0);

    public string Message => WaitSeconds > 0
        ? $"Too many wrong passwords for this account from your address; try again in {WaitSeconds} seconds."
        : PasswordCheck.WrongCredentials;
}

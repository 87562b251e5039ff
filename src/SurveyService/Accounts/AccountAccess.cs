using Microsoft.AspNetCore.Identity;
using SurveyService.Data.Accounts;
using SurveyService.Identity;

namespace SurveyService.Accounts;

/// <summary>What disabling or enabling an account did.</summary>
internal abstract record AccessOutcome
{
    public sealed record Done(SurveyUser User) : AccessOutcome;

    public sealed record NotFound(string UserId) : AccessOutcome;

    /// <summary>A member of the Secretariat cannot disable their own account: nobody might be left to enable it.</summary>
    public sealed record OwnAccount : AccessOutcome;
}

/// <summary>
/// The Secretariat disables an account that should no longer act (a focal point who left, a
/// member of staff who moved on) or enables it again. The account and everything it did are kept:
/// its submissions and the audit trail still name it. A disabled account is refused at sign-in and,
/// within AccountStanding:RecheckSeconds, on every request with a token or cookie it already holds.
/// </summary>
internal sealed class AccountAccess(SurveyDbContext db, UserManager<SurveyUser> users, AccountStanding standing)
{
    /// <summary>Lockout until the end of time: Identity's own refusal, which sign-in and AccountStanding already honour.</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { Year: >= 9999 };

    public async Task<AccessOutcome> SetAsync(StaffMember by, string userId, bool disabled)
    {
        if (disabled && by.UserId == userId)
            return new AccessOutcome.OwnAccount();
        // The same context as the user store's: the entity comes along for the answer.
        if (await db.Users.Include(u => u.Entity).FirstOrDefaultAsync(u => u.Id == userId) is not { } user)
            return new AccessOutcome.NotFound(userId);
        user.LockoutEnabled = true;
        user.LockoutEnd = disabled ? DisabledUntil : null;
        if (!disabled)
            user.AccessFailedCount = 0;
        // One write: a new stamp (which ends the cookies the account holds at their next validation) saves the rest with it.
        await users.UpdateSecurityStampAsync(user);
        standing.Forget(userId);
        return new AccessOutcome.Done(user);
    }
}

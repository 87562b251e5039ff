using System.ComponentModel.DataAnnotations;

namespace SurveyService.Identity;

/// <summary>Repeated wrong passwords and token request floods.</summary>
internal sealed class SignInLimitsOptions
{
    public const string Section = "SignIn";

    /// <summary>
    /// Wrong passwords in a row, from anywhere, before the account itself is locked: a last resort
    /// against guessing from many addresses, logged when it happens. The throttle below is what
    /// slows an ordinary guesser.
    /// </summary>
    [Range(1, 1000)]
    public int MaxFailedAttempts { get; set; } = 50;

    /// <summary>Wrong passwords for one account from one address before each further attempt from there must wait.</summary>
    [Range(1, 100)]
    public int FreeFailures { get; set; } = 5;

    /// <summary>The longest such wait: it doubles with each failure past the free ones, up to this.</summary>
    [Range(1, 86_400)]
    public int MaxDelaySeconds { get; set; } = 900;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// Token, sign-in and registration requests allowed per client address in each window: against
    /// floods, not wrong passwords (the lockout limits those per account). A whole ministry often sits
    /// behind one address, and a deadline morning there stays well below this.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}

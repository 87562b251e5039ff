using System.ComponentModel.DataAnnotations;

namespace SurveyService.Identity;

/// <summary>Repeated wrong passwords and token request floods.</summary>
internal sealed class SignInLimitsOptions
{
    public const string Section = "SignIn";

    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

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

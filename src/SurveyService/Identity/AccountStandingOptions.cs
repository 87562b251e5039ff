using System.ComponentModel.DataAnnotations;

namespace SurveyService.Identity;

/// <summary>How soon a locked or removed account's tokens and cookies stop working.</summary>
internal sealed class AccountStandingOptions
{
    public const string Section = "AccountStanding";

    /// <summary>
    /// How long one look at an account (exists, not locked) is trusted before the next request of
    /// that account reads it again: a locked or removed account is refused at most this long after.
    /// 0 reads the account on every authenticated request.
    /// </summary>
    [Range(0, 3600)]
    public int RecheckSeconds { get; set; } = 30;
}

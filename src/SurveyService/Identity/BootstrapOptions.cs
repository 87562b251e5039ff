using System.ComponentModel.DataAnnotations;

namespace SurveyService.Identity;

/// <summary>The first Secretariat account, created at start-up when it does not exist.</summary>
internal sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    [EmailAddress]
    public string? SecretariatEmail { get; set; }
    public string? SecretariatPassword { get; set; }
    public string SecretariatDisplayName { get; set; } = "Secretariat";
}

namespace SurveyService.Demo;

/// <summary>The Development demo: an open consultation and an account of every kind.</summary>
internal sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Fill an empty database with the demo at start-up. On in appsettings.Development.json only.</summary>
    public bool Enabled { get; set; }

    /// <summary>The password of every demo account.</summary>
    public string Password { get; set; } = "Demo-Password-2026";
}

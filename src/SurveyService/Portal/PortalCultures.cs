using System.Globalization;

namespace SurveyService.Portal;

/// <summary>The six UN languages the interface speaks, each named in itself for the switcher.</summary>
internal static class PortalCultures
{
    public const string Default = "en";

    /// <summary>In the order of the switcher: the UN's alphabetical order of the languages' English names.</summary>
    public static readonly (string Code, string Name)[] All =
    [
        ("ar", "العربية"),
        ("zh", "中文"),
        ("en", "English"),
        ("fr", "Français"),
        ("ru", "Русский"),
        ("es", "Español"),
    ];

    public static readonly CultureInfo[] Supported = [.. All.Select(c => CultureInfo.GetCultureInfo(c.Code))];

    public static bool IsSupported(string? code) => All.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    public static bool IsRightToLeft(CultureInfo culture) => culture.TextInfo.IsRightToLeft;
}

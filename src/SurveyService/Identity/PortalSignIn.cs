namespace SurveyService.Identity;

/// <summary>Where a person signs in (the page is <c>Portal/Account/Login</c>), and which return addresses it follows.</summary>
internal static class PortalSignIn
{
    public const string Path = "/account/login";

    /// <summary>
    /// Only local addresses, so the form never becomes an open redirect; a control character makes
    /// the framework's own redirect refuse the address (a 500 after a right password).
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is not null && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl);
}

using System.ComponentModel.DataAnnotations;

namespace SurveyService.Identity;

/// <summary>The OpenID Connect server: keys, lifetimes, the web portal's redirect addresses.</summary>
internal sealed class OpenIdServerOptions
{
    public const string Section = "OpenIddict";

    /// <summary>PKCS#12 (.pfx) file with the token signing key. Required outside Development.</summary>
    public string? SigningCertificatePath { get; set; }
    public string? SigningCertificatePassword { get; set; }

    /// <summary>PKCS#12 (.pfx) file with the token encryption key. Required outside Development.</summary>
    public string? EncryptionCertificatePath { get; set; }
    public string? EncryptionCertificatePassword { get; set; }

    [Range(1, 24 * 60)]
    public int AccessTokenLifetimeMinutes { get; set; } = 60;

    [Range(1, 90)]
    public int RefreshTokenLifetimeDays { get; set; } = 14;

    /// <summary>Redirect addresses of the web portal client (authorization code with PKCE).</summary>
    public string[] PortalRedirectUris { get; set; } = [];

    /// <summary>
    /// Encrypt access tokens (JWE) as well as sign them. Off by default: the claims they carry are
    /// the holder's own, and decrypting costs an RSA private-key operation on every API request.
    /// </summary>
    public bool EncryptAccessTokens { get; set; }

    /// <summary>Accept plain http at the token endpoints. Only for a developer's own machine.</summary>
    public bool AllowInsecureHttp { get; set; }
}

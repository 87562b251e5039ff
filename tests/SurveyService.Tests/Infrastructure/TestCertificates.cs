using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SurveyService.Tests.Infrastructure;

/// <summary>Self-signed signing and encryption certificates as .pfx files, as an operator would supply.</summary>
public static class TestCertificates
{
    public const string Password = "test-certificate";

    public static (string Signing, string Encryption) Write(string directory) =>
        (Write(directory, "signing.pfx", "CN=SurveyService signing", X509KeyUsageFlags.DigitalSignature),
         Write(directory, "encryption.pfx", "CN=SurveyService encryption", X509KeyUsageFlags.KeyEncipherment));

    private static string Write(string directory, string name, string subject, X509KeyUsageFlags usage)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}

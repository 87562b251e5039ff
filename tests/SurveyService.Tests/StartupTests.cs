using System.Reflection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SurveyService.Data;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task OutsideDevelopmentStartupFailsClearlyWithoutSigningCertificates()
    {
        await using var app = new SurveyApplication();
        app.Settings.Remove("OpenIddict:SigningCertificatePath");
        app.Settings.Remove("OpenIddict:EncryptionCertificatePath");
        app.Environment = "Production";

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateHttpsClient());

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(failure));
        Assert.Contains("OpenIddict:SigningCertificatePath is required outside Development", validation.Message);
    }

    [Fact]
    public async Task MissingCertificateFileIsNamed()
    {
        await using var app = new SurveyApplication();
        app.Settings["OpenIddict:SigningCertificatePath"] = "/nonexistent/signing.pfx";

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateHttpsClient());

        Assert.Contains("/nonexistent/signing.pfx", Unwrap(failure).Message);
    }

    [Fact]
    public async Task HealthOpenApiAndReferencePageAreServed()
    {
        await using var app = new SurveyApplication();
        using var client = app.CreateHttpsClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        foreach (var route in new[] { "/api/consultations", "/api/consultations/{id}/questionnaire", "/api/registrations", "/api/entities", "/api/staff" })
            Assert.Contains($"\"{route}\"", openApi);
        var scalar = await client.GetAsync("/scalar");
        if (scalar.StatusCode == HttpStatusCode.Found)
            scalar = await client.GetAsync(scalar.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Contains("text/html", scalar.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task TokensSurviveARestartOnTheSameKeysAndDatabase()
    {
        var directory = Path.Combine(Path.GetTempPath(), "survey-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var certificates = TestCertificates.Write(directory);
        string accessToken;
        await using (var first = Configure(new SurveyApplication(), directory, certificates))
            accessToken = (await first.RequestTokenAsync(SurveyApplication.SecretariatEmail, SurveyApplication.Password)).AccessToken!;

        await using var second = Configure(new SurveyApplication(), directory, certificates);
        using var client = second.CreateHttpsClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/entities")).StatusCode);
    }

    [Fact]
    public async Task DataProtectionKeysAreStoredEncryptedAndStillUnprotectAfterARestart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "survey-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var certificates = TestCertificates.Write(directory);
        string protectedText;
        await using (var first = Configure(new SurveyApplication(), directory, certificates))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a focal point's session");
            await using var scope = first.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("<encryptedSecret", xml);
                Assert.DoesNotContain("<masterKey", xml);
            });
        }

        await using var second = Configure(new SurveyApplication(), directory, certificates);
        Assert.Equal("a focal point's session", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 5)]
    public async Task AccessTokensAreSignedAndEncryptedOnlyWhenConfigured(bool encrypt, int segments)
    {
        await using var app = new SurveyApplication();
        app.Settings["OpenIddict:EncryptAccessTokens"] = encrypt.ToString();

        var token = await app.RequestTokenAsync(SurveyApplication.SecretariatEmail, SurveyApplication.Password);
        using var client = app.CreateHttpsClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);

        Assert.Equal(segments, token.AccessToken!.Split('.').Length);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/entities")).StatusCode);
    }

    private static SurveyApplication Configure(SurveyApplication app, string directory, (string Signing, string Encryption) certificates)
    {
        app.Settings["Database:DataDirectory"] = directory;
        app.Settings["OpenIddict:SigningCertificatePath"] = certificates.Signing;
        app.Settings["OpenIddict:EncryptionCertificatePath"] = certificates.Encryption;
        return app;
    }

    private static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException or TargetInvocationException or InvalidOperationException { InnerException: not null } && exception.InnerException is not null)
            exception = exception.InnerException!;
        return exception;
    }
}

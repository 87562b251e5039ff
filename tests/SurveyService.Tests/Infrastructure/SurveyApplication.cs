using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SurveyService.Accounts;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// The real service on a fresh SQLite file of its own, with signing keys from certificate files
/// (the production path), a clock the test moves, and helpers that sign in through the real
/// token endpoint.
/// </summary>
public class SurveyApplication : WebApplicationFactory<Program>
{
    public const string SecretariatEmail = "secretariat@test.example.org";
    public const string Password = "Test-Password-2026";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "survey-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    public SurveyApplication()
    {
        Directory.CreateDirectory(_directory);
        var certificates = TestCertificates.Write(_directory);
        _settings = new()
        {
            ["Database:DataDirectory"] = _directory,
            ["OpenIddict:SigningCertificatePath"] = certificates.Signing,
            ["OpenIddict:EncryptionCertificatePath"] = certificates.Encryption,
            ["OpenIddict:SigningCertificatePassword"] = TestCertificates.Password,
            ["OpenIddict:EncryptionCertificatePassword"] = TestCertificates.Password,
            ["OpenIddict:PortalRedirectUris:0"] = "https://portal.test/callback",
            ["Bootstrap:SecretariatEmail"] = SecretariatEmail,
            ["Bootstrap:SecretariatPassword"] = Password,
            ["SignIn:PermitLimit"] = "100000",
        };
    }

    /// <summary>Starts at the real present; tests move it forward. Several hosts of one service may share one.</summary>
    public FakeTimeProvider Clock { get; init; } = new(DateTimeOffset.UtcNow);

    public string DataDirectory => _directory;

    /// <summary>Set before the first request to change or add configuration.</summary>
    public IDictionary<string, string?> Settings => _settings;

    public string Environment { get; set; } = "Testing";

    /// <summary>Set before the first request to add services (an interceptor, say) after the service's own.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
            TestServices?.Invoke(services);
        });
    }

    /// <summary>OpenIddict refuses plain http, so every client speaks to https://localhost.</summary>
    public HttpClient CreateHttpsClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    public async Task<TokenResponse> RequestTokenAsync(string email, string password, string scope = "openid offline_access survey",
        string? address = null)
    {
        using var client = CreateHttpsClient();
        if (address is not null)
            client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "survey-cli",
            ["username"] = email,
            ["password"] = password,
            ["scope"] = scope,
        }));
        return await TokenResponse.ReadAsync(response);
    }

    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var token = await RequestTokenAsync(email, password);
        Assert.True(token.Succeeded, $"Sign-in of {email} failed: {token.Error} {token.ErrorDescription}");
        var client = CreateHttpsClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    /// <summary>A fresh token each time, valid at the clock's current time.</summary>
    public Task<HttpClient> AsSecretariatAsync() => SignInAsync(SecretariatEmail);

    public async Task<HttpClient> AsAnalystAsync()
    {
        var email = $"analyst-{Guid.NewGuid():N}@test.example.org";
        var secretariat = await AsSecretariatAsync();
        (await secretariat.PostAsJsonAsync("/api/staff", new { email, displayName = "Analyst", password = Password, role = "Analyst" }))
            .EnsureSuccessStatusCode();
        return await SignInAsync(email);
    }

    /// <summary>A new entity of the category, provisioned by the Secretariat, and one focal point of it, signed in.</summary>
    public async Task<Respondent> AsRespondentAsync(RespondentCategory category)
    {
        var secretariat = await AsSecretariatAsync();
        var entity = await (await secretariat.PostAsJsonAsync("/api/entities", new { name = $"{category} {Guid.NewGuid():N}", category = category.ToString() }))
            .ReadAsAsync<EntityResponse>(HttpStatusCode.Created);
        return await AddFocalPointAsync(entity.Id);
    }

    /// <summary>Another focal point of an existing entity, signed in: it shares the entity's submission.</summary>
    public async Task<Respondent> AddFocalPointAsync(Guid entityId)
    {
        var secretariat = await AsSecretariatAsync();
        var email = $"focal-{Guid.NewGuid():N}@test.example.org";
        (await secretariat.PostAsJsonAsync($"/api/entities/{entityId}/accounts", new { email, displayName = "Focal point", password = Password }))
            .EnsureSuccessStatusCode();
        return new Respondent(await SignInAsync(email), entityId, email);
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
            // The stop gave up waiting for Hangfire's server, one of whose workers runs a job the
            // test holds (a stopped instance's compile): it is left behind, as a killed process leaves it.
        }
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a file still held open; the temp folder is cleaned eventually */ }
        GC.SuppressFinalize(this);
    }
}

public sealed record Respondent(HttpClient Client, Guid EntityId, string Email);

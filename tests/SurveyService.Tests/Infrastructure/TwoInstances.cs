using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// Two hosts of the service on one fresh PostgreSQL database and its Hangfire storage, as behind a
/// load balancer: the same certificate files, the same configuration, one clock (servers keep
/// their clocks in step). Needs SURVEY_TEST_POSTGRES; without it the test using it is skipped.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    public static readonly string? Server = System.Environment.GetEnvironmentVariable("SURVEY_TEST_POSTGRES");

    private readonly string _database = $"survey_test_{Guid.NewGuid():N}";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "survey-tests", Guid.NewGuid().ToString("N"));

    public TwoInstances()
    {
        Skip.If(string.IsNullOrWhiteSpace(Server), "SURVEY_TEST_POSTGRES is not set; no PostgreSQL server to test against.");
        Directory.CreateDirectory(_directory);
        var certificates = TestCertificates.Write(_directory);
        A = Instance(certificates);
        B = Instance(certificates);
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public SurveyApplication A { get; }

    public SurveyApplication B { get; }

    private string ConnectionString => $"{Server};Database={_database}";

    /// <summary>Both instances, to configure alike before <see cref="StartAsync"/>.</summary>
    public IEnumerable<SurveyApplication> Both => [A, B];

    /// <summary>Starts both hosts at the same moment, as a first deployment does.</summary>
    public Task StartAsync() => Task.WhenAll(Task.Run(() => A.Services), Task.Run(() => B.Services));

    /// <summary>Reads the shared database directly, through instance B's model.</summary>
    public async Task<T> ReadAsync<T>(Func<SurveyDbContext, Task<T>> read)
    {
        await using var scope = B.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<SurveyDbContext>());
    }

    private SurveyApplication Instance((string Signing, string Encryption) certificates)
    {
        var app = new SurveyApplication { Clock = Clock };
        app.Settings["Database:Provider"] = "PostgreSql";
        app.Settings["ConnectionStrings:Survey"] = ConnectionString;
        app.Settings["OpenIddict:SigningCertificatePath"] = certificates.Signing;
        app.Settings["OpenIddict:EncryptionCertificatePath"] = certificates.Encryption;
        // A close falls due within a second of real time, not the quarter-minute an operator needs.
        app.Settings["Jobs:SchedulePollingSeconds"] = "1";
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(Server))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* cleaned with the temp folder */ }
    }
}

using Npgsql;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// The service on the named database provider: SQLite (a file of its own), or PostgreSQL with a
/// database of its own on the server SURVEY_TEST_POSTGRES names, dropped afterwards. Without that
/// variable a PostgreSQL test is skipped.
/// </summary>
public sealed class OnProvider : IAsyncDisposable
{
    private static readonly string? PostgreSqlServer = Environment.GetEnvironmentVariable("SURVEY_TEST_POSTGRES");
    private readonly string? _database;

    public OnProvider(string provider)
    {
        if (provider == "PostgreSql")
        {
            Skip.If(string.IsNullOrWhiteSpace(PostgreSqlServer), "SURVEY_TEST_POSTGRES is not set; no PostgreSQL server to test against.");
            _database = $"survey_test_{Guid.NewGuid():N}";
            App.Settings["Database:Provider"] = "PostgreSql";
            App.Settings["ConnectionStrings:Survey"] = $"{PostgreSqlServer};Database={_database}";
        }
    }

    public SurveyApplication App { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_database is null)
            return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgreSqlServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

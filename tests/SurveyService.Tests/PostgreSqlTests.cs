using Npgsql;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// The same service on a real PostgreSQL server, with its own database created by the start-up
/// migration. Needs SURVEY_TEST_POSTGRES (a connection string without Database); .ci/run installs
/// and starts a server and sets it. Without it these tests are reported as skipped.
/// </summary>
public sealed class PostgreSqlTests : IAsyncLifetime
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("SURVEY_TEST_POSTGRES");
    private readonly string _database = $"survey_test_{Guid.NewGuid():N}";
    private SurveyApplication? _app;

    private SurveyApplication App
    {
        get
        {
            Skip.If(string.IsNullOrWhiteSpace(Server), "SURVEY_TEST_POSTGRES is not set; no PostgreSQL server to test against.");
            if (_app is null)
            {
                _app = new SurveyApplication();
                _app.Settings["Database:Provider"] = "PostgreSql";
                _app.Settings["ConnectionStrings:Survey"] = $"{Server};Database={_database}";
            }
            return _app;
        }
    }

    [SkippableFact]
    public async Task MigratesAndEnforcesTiersOnPostgreSql()
    {
        var consultation = await App.CreateConsultationAsync();

        Assert.Equal(["1a", "2a", "3a"], await (await App.AsRespondentAsync(RespondentCategory.MemberState)).Client.QuestionCodesAsync(consultation));
        Assert.Equal(["2a", "3a"], await (await App.AsRespondentAsync(RespondentCategory.Associate)).Client.QuestionCodesAsync(consultation));
        Assert.Equal(["3a"], await (await App.AsRespondentAsync(RespondentCategory.Stakeholder)).Client.QuestionCodesAsync(consultation));
    }

    [SkippableFact]
    public async Task DuplicateEmailIsAConflictOnPostgreSql()
    {
        using var anonymous = App.CreateHttpsClient();
        var body = new { email = "same@test.example.org", password = SurveyApplication.Password, displayName = "Someone" };
        (await anonymous.PostAsJsonAsync("/api/registrations", body)).EnsureSuccessStatusCode();

        await (await anonymous.PostAsJsonAsync("/api/registrations", body)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task TextWithNulAndBackslashesRoundTripsAndConcurrentSavesLetOneWinOnPostgreSql()
    {
        var consultation = await App.CreateConsultationAsync(ConsultationSetup.EveryType);
        var q = await App.QuestionIdsAsync(consultation);
        var first = await App.AsRespondentAsync(RespondentCategory.MemberState);
        var second = await App.AddFocalPointAsync(first.EntityId);
        const string exact = "C:\\path\\0 is not a NUL, this \0 is one, and \\\\ stays two";
        var saved = await first.Client.SaveAsync(consultation, [new { questionId = q["1a"], text = exact }]);
        var (read, etag) = await second.Client.ReadSubmissionAsync(consultation);
        Assert.Equal(exact, read.GetProperty("answers")[0].GetProperty("text").GetString());

        var results = await Task.WhenAll(
            first.Client.SaveAsync(consultation, [new { questionId = q["1a"], text = "first" }], etag),
            second.Client.SaveAsync(consultation, [new { questionId = q["1a"], text = "second" }], etag));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], results.Select(r => r.StatusCode).Order());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is null)
            return;
        await _app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

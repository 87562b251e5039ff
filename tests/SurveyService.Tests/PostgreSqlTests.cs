using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SurveyService.Analysis;
using SurveyService.Consultations;
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
        Assert.Equal(exact, read.Answers[0].Text);

        var results = await Task.WhenAll(
            first.Client.SaveAsync(consultation, [new { questionId = q["1a"], text = "first" }], etag),
            second.Client.SaveAsync(consultation, [new { questionId = q["1a"], text = "second" }], etag));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], results.Select(r => r.StatusCode).Order());
    }

    [SkippableFact]
    public async Task ClosesAndCompilesWithHangfireOnPostgreSql()
    {
        var consultation = await App.CreateConsultationAsync(ConsultationSetup.EveryType,
            draft: App.Draft(weights: new Dictionary<string, decimal> { ["MemberState"] = 1m, ["SectorMember"] = 0.5m }));
        var q = await App.QuestionIdsAsync(consultation);
        foreach (var (category, choice) in new[] { (RespondentCategory.MemberState, "Yes"), (RespondentCategory.SectorMember, "No") })
        {
            var respondent = await App.AsRespondentAsync(category);
            (await respondent.Client.SaveAsync(consultation, [new { questionId = q["2a"], choices = new[] { choice } }, new { questionId = q["3c"], value = 3 }])).EnsureSuccessStatusCode();
            (await respondent.Client.SubmitAsync(consultation)).EnsureSuccessStatusCode();
        }
        var deadline = (await (await App.CreateHttpsClient().GetAsync($"/api/consultations/{consultation}")).ReadAsAsync<ConsultationResponse>()).ClosesAt;
        App.Clock.SetUtcNow(deadline.AddSeconds(1));
        App.TriggerSweep();
        var analyst = await App.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(consultation);

        var summary = await (await analyst.GetAsync($"/api/consultations/{consultation}/analysis/summary")).ReadAsAsync<AnalysisSummary>();
        var yes = summary.Questions.Single(x => x.Code == "2a").Options.Single(o => o.Option == "Yes");
        Assert.Equal(0.5, yes.Share, 6);
        Assert.Equal(1.0 / 1.5, yes.WeightedShare, 4);
        var (workbook, _) = await analyst.DownloadWorkbookAsync(consultation, "Membership");
        using var _ = workbook;
        Assert.Contains(workbook.Worksheets, s => s.Name == "ii Membership");
    }

    [SkippableFact]
    public Task ARecompileAskedForDuringACompileFollowsItOnPostgreSql() => CompileIntegrity.ARecompileAskedForDuringACompileFollowsItAsync(App);

    [SkippableFact]
    public Task AScreeningMadeWhileACompileRunsIsInNeitherItsFiguresNorItsRowsOnPostgreSql() =>
        CompileIntegrity.AScreeningMadeWhileACompileRunsIsInNeitherItsFiguresNorItsRowsAsync(App);

    [SkippableFact]
    public Task AnswersTheCompileCannotPlaceAreReportedOnPostgreSql() => CompileIntegrity.AnswersTheCompileCannotPlaceAreReportedAsync(App);

    /// <summary>The same answers, weights and screening analysed on SQLite and on PostgreSQL give the same figures, to the last digit.</summary>
    [SkippableFact]
    public async Task OneConsultationsFiguresAreTheSameOnSqliteAndOnPostgreSql()
    {
        await using var sqlite = new SurveyApplication();
        var onSqlite = await AnalyseAsync(sqlite);
        var onPostgreSql = await AnalyseAsync(App);

        Assert.Equal(onSqlite.Weights, onPostgreSql.Weights);
        Assert.Equal(JsonSerializer.Serialize(onSqlite.Questions.Select(q => new { q.Code, q.Respondents, q.Options })),
            JsonSerializer.Serialize(onPostgreSql.Questions.Select(q => new { q.Code, q.Respondents, q.Options })));
    }

    private static async Task<AnalysisSummary> AnalyseAsync(SurveyApplication app)
    {
        var weights = new Dictionary<string, decimal> { ["MemberState"] = 1m, ["SectorMember"] = 0.3333m, ["Associate"] = 0.0001m, ["Stakeholder"] = 0.25m };
        var consultation = await app.CreateConsultationAsync(ConsultationSetup.EveryType, draft: app.Draft(weights: weights));
        var q = await app.QuestionIdsAsync(consultation);
        var answers = new (RespondentCategory Category, string Choice, int Value)[]
        {
            (RespondentCategory.MemberState, "Yes", 5), (RespondentCategory.SectorMember, "No", 4), (RespondentCategory.SectorMember, "Yes", 1),
            (RespondentCategory.Associate, "No", 2), (RespondentCategory.Academia, "No", 3),
        };
        foreach (var (category, choice, value) in answers)
        {
            var respondent = await app.AsRespondentAsync(category);
            (await respondent.Client.SaveAsync(consultation, [new { questionId = q["2a"], choices = new[] { choice } }, new { questionId = q["3c"], value }]))
                .EnsureSuccessStatusCode();
            (await respondent.Client.SubmitAsync(consultation)).EnsureSuccessStatusCode();
        }
        await (await (await app.AsSecretariatAsync()).PostAsync($"/api/consultations/{consultation}/close", null)).ReadJsonAsync(HttpStatusCode.Accepted);
        var analyst = await app.AsAnalystAsync();
        await analyst.WaitForAnalysisAsync(consultation);
        return await (await analyst.GetAsync($"/api/consultations/{consultation}/analysis/summary")).ReadAsAsync<AnalysisSummary>();
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

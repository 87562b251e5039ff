using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using SurveyService.Submissions;

namespace SurveyService.LoadTest;

/// <summary>
/// One save and one submit straight through the service's own use cases, without HTTP, tokens or
/// JSON: the same gate, questions, rules and writer as the API, on a database set up by its own
/// <c>AddSurveyDatabase</c> (pooled contexts, SQLite pragmas, busy retry), each respondent in a
/// scope of its own as a request would be.
/// </summary>
internal sealed class RespondentWrites : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public RespondentWrites(string sqliteFile)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Survey"] = $"Data Source={sqliteFile}" })
            .Build();
        var collection = new ServiceCollection().AddLogging().AddMetrics();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSurveyDatabase(configuration, new HostingEnvironment { ContentRootPath = Path.GetDirectoryName(sqliteFile)!, EnvironmentName = "Production" });
        collection.AddSingleton(TimeProvider.System);
        collection.AddSubmissions();
        services = collection.BuildServiceProvider();
    }

    public async Task<T> WithDatabaseAsync<T>(Func<SurveyDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SurveyDbContext>());
    }

    /// <summary>A first save (no submission yet): returns the version, the ETag a client would send back.</summary>
    public Task<int> SaveAsync(Guid consultationId, Identity.Respondent respondent, AnswerInput[] answers) =>
        WithServicesAsync(async scope =>
        {
            var outcome = await scope.GetRequiredService<SaveAnswers>().SaveAsync(respondent, consultationId, answers, expected: null);
            return outcome is SaveOutcome.Saved saved ? saved.Submission.Version : throw Refused("save", outcome);
        });

    public Task<int> SubmitAsync(Guid consultationId, Identity.Respondent respondent, int version) =>
        WithServicesAsync(async scope =>
        {
            var outcome = await scope.GetRequiredService<SubmitAnswers>().SubmitAsync(respondent, consultationId, ExpectedVersion.Exactly(version));
            return outcome is SubmitOutcome.Submitted submitted ? submitted.Version.Number : throw Refused("submit", outcome);
        });

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static InvalidOperationException Refused(string what, object outcome) => new($"The service's code refused the {what}: {outcome}");
}

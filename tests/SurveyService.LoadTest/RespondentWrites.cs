using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using SurveyService.Data.Consultations;
using SurveyService.Questionnaires;
using SurveyService.Submissions;

namespace SurveyService.LoadTest;

/// <summary>
/// One save and one submit straight through the service's own code, without HTTP, tokens or JSON:
/// its gate, its questions, its writes and its write queue, on a database set up by its own
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
        collection.AddSubmissions();
        services = collection.BuildServiceProvider();
    }

    public async Task<T> WithDatabaseAsync<T>(Func<SurveyDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SurveyDbContext>());
    }

    /// <summary>A first save (no submission yet): returns the version, the ETag a client would send back.</summary>
    public Task<int> SaveAsync(Guid consultationId, FocalPoint focalPoint, AnswerInput[] answers) =>
        WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var (context, questions) = await EnterAsync(db, focalPoint, consultationId, now);
            var (saved, refused) = await SubmissionWrites.SaveAsync(db, services.GetRequiredService<WriteQueue>(), context, questions, answers, null, now);
            return saved?.Version ?? throw Refused("save", refused);
        });

    public Task<int> SubmitAsync(Guid consultationId, FocalPoint focalPoint, int version) =>
        WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var (context, questions) = await EnterAsync(db, focalPoint, consultationId, now);
            var (submitted, _, refused) = await SubmissionWrites.SubmitAsync(db, services.GetRequiredService<WriteQueue>(), context, questions,
                [ETags.For(version)], now);
            return submitted?.Receipt.Version ?? throw Refused("submit", refused);
        });

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private async Task<(RespondentContext, IReadOnlyDictionary<Guid, Question>)> EnterAsync(SurveyDbContext db, FocalPoint focalPoint,
        Guid consultationId, DateTime now)
    {
        var (context, questions, problem) = await SubmissionGate.EnterToWriteAsync(db, services.GetRequiredService<PublishedQuestions>(),
            focalPoint, consultationId, now);
        return context is not null ? (context, questions) : throw Refused("entering", problem);
    }

    private static InvalidOperationException Refused(string what, IResult? problem) =>
        new($"The service's code refused the {what}: {(problem as IStatusCodeHttpResult)?.StatusCode} {(problem as IValueHttpResult)?.Value}");
}

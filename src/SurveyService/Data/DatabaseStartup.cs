using Microsoft.Extensions.Options;

namespace SurveyService.Data;

/// <summary>
/// Runs before the server accepts requests: migrations (unless turned off), then every seeder in
/// registration order (OpenID clients, the bootstrap Secretariat account, the Development demo).
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services, IOptions<DatabaseOptions> options, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (options.Value.MigrateAtStartup)
        {
            var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrated ({Provider}).", options.Value.Provider);
        }
        foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>())
            await seeder.SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Idempotent start-up data: running it twice changes nothing.</summary>
internal interface IStartupSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}

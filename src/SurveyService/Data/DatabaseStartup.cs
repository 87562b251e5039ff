using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace SurveyService.Data;

/// <summary>
/// Runs before the server accepts requests: migrations (unless turned off), then every seeder in
/// registration order (OpenID clients, the bootstrap Secretariat account, Hangfire's tables, the
/// Development demo), then the first data-protection key if there is none; one instance at a time.
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services, IOptions<DatabaseOptions> options, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
        await using var turn = await StartupLock.TakeAsync(db, options.Value.Provider, options.Value.MigrateAtStartup, cancellationToken);
        if (options.Value.MigrateAtStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database migrated ({Provider}).", options.Value.Provider);
        }
        foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>())
            await seeder.SeedAsync(cancellationToken);
        // Protecting anything makes the key ring load, or create its first key, now: in turn, so that
        // instances started together share one key instead of each keeping its own for a day.
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(DatabaseStartup)).Protect([]);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Idempotent start-up data: running it twice changes nothing.</summary>
internal interface IStartupSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}

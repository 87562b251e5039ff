using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SurveyService.Data;

internal static class DatabaseSetup
{
    public static IServiceCollection AddSurveyDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Registered first: hosted services start in order, and data protection reads its key ring
        // from the database at start-up, so the schema must exist before then.
        services.AddHostedService<DatabaseStartup>();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Survey");

        // Pooled, with options built once: creating a context and its services, and building the
        // options (which touched the SQLite file's directory), was a tenth of a request's
        // processor time in the deadline rush.
        if (database.Provider == DatabaseProvider.Sqlite)
            connectionString ??= DefaultSqlite(database, environment);
        services.AddDbContextPool<SurveyDbContext>(options =>
        {
            switch (database.Provider)
            {
                case DatabaseProvider.Sqlite:
                    options.UseSqlite(connectionString,
                        sqlite => sqlite.MigrationsAssembly("SurveyService.Migrations.Sqlite")
                            .ExecutionStrategy(dependencies => new SqliteBusyRetry(dependencies)));
                    options.AddInterceptors(new SqlitePragmas());
                    break;
                case DatabaseProvider.SqlServer:
                    options.UseSqlServer(Required(connectionString, database.Provider),
                        sql => sql.MigrationsAssembly("SurveyService.Migrations.SqlServer").EnableRetryOnFailure());
                    break;
                case DatabaseProvider.PostgreSql:
                    options.UseNpgsql(Required(connectionString, database.Provider),
                        npgsql => npgsql.MigrationsAssembly("SurveyService.Migrations.PostgreSql").EnableRetryOnFailure());
                    break;
            }
            options.UseOpenIddict();
        });

        if (database.Provider == DatabaseProvider.Sqlite)
            services.AddSingleton<IDatabaseWriter, SqliteSingleWriter>();
        else
            services.AddSingleton<IDatabaseWriter, TransactionPerWrite>();
        services.AddDataProtection().SetApplicationName("SurveyService").PersistKeysToDbContext<SurveyDbContext>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health").WithTags("Operations");
        return app;
    }

    private static string DefaultSqlite(DatabaseOptions database, IHostEnvironment environment)
    {
        var directory = Path.GetFullPath(database.DataDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "survey.db")}";
    }

    private static string Required(string? connectionString, DatabaseProvider provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new OptionsValidationException("ConnectionStrings:Survey", typeof(DatabaseOptions),
                [$"ConnectionStrings:Survey is required when Database:Provider is {provider}."])
            : connectionString;
}

internal sealed class DatabaseHealthCheck(SurveyDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}

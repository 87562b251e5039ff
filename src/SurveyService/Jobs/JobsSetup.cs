using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.Extensions.Options;
using SurveyService.Analysis;

namespace SurveyService.Jobs;

internal static class JobsSetup
{
    public static IServiceCollection AddSurveyJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var connectionString = configuration.GetConnectionString("Jobs") ?? configuration.GetConnectionString("Survey");

        // Storage and activator are this host's own, registered before AddHangfire (which only
        // adds them if absent): Hangfire's static defaults would be shared by every host in a process.
        var kind = Kind(jobs.Storage, database.Provider);
        services.AddSingleton<JobStorage>(_ => CreateStorage(kind, connectionString, jobs));
        // The schema is installed after the database exists (a start-up step), not when the storage
        // is first resolved, which happens before migrations have created the database.
        if (kind != JobStorageKind.InMemory)
            services.AddScoped<IStartupSeeder>(_ => new JobSchemaInstaller(kind, Required(connectionString, kind)));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .UseLogProvider(new HangfireLogs(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((provider, options) =>
        {
            var settings = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
            options.WorkerCount = settings.WorkerCount;
            options.SchedulePollingInterval = TimeSpan.FromSeconds(settings.SchedulePollingSeconds);
            options.ServerName = $"survey-{Environment.MachineName}-{Guid.NewGuid():N}"[..40];
        });

        services.AddScoped<ConsultationCloser>();
        services.AddScoped<AnalysisQueue>();
        services.AddScoped<AnalysisCompiler>();
        services.AddScoped<Identity.TokenPruning>();
        services.AddHostedService<JobsStartup>();
        return services;
    }

    private static JobStorageKind Kind(JobStorageKind configured, DatabaseProvider provider) =>
        configured != JobStorageKind.Auto ? configured
        : provider switch
        {
            DatabaseProvider.SqlServer => JobStorageKind.SqlServer,
            DatabaseProvider.PostgreSql => JobStorageKind.PostgreSql,
            _ => JobStorageKind.InMemory,
        };

    private static JobStorage CreateStorage(JobStorageKind kind, string? connectionString, JobsOptions jobs) => kind switch
    {
        // Entries kept a week rather than three hours, so the dashboard still shows last night's closes.
        JobStorageKind.InMemory => new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) }),
        JobStorageKind.SqlServer => new SqlServerStorage(Required(connectionString, kind), new SqlServerStorageOptions
        {
            SlidingInvisibilityTimeout = TimeSpan.FromSeconds(jobs.InvisibilityTimeoutSeconds),
            QueuePollInterval = TimeSpan.Zero,
            UseRecommendedIsolationLevel = true,
            DisableGlobalLocks = true,
            PrepareSchemaIfNecessary = false,
        }),
        JobStorageKind.PostgreSql => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(Required(connectionString, kind), new PostgreSqlStorageOptions()),
            new PostgreSqlStorageOptions
            {
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromSeconds(jobs.InvisibilityTimeoutSeconds),
                QueuePollInterval = TimeSpan.FromSeconds(jobs.QueuePollSeconds),
                EnableLongPolling = true,
                PrepareSchemaIfNecessary = false,
            }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Required(string? connectionString, JobStorageKind kind) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new OptionsValidationException("ConnectionStrings:Jobs", typeof(JobsOptions),
                [$"Jobs:Storage {kind} needs ConnectionStrings:Jobs or ConnectionStrings:Survey."])
            : connectionString;
}

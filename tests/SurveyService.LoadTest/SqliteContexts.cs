using Microsoft.EntityFrameworkCore;

namespace SurveyService.LoadTest;

/// <summary>DbContext options built the way the service builds them for SQLite.</summary>
internal static class SqliteContexts
{
    /// <summary>
    /// As in the host's DatabaseSetup: the SQLite migrations assembly, the busy-retry execution
    /// strategy and the pragmas interceptor (WAL, synchronous=NORMAL, busy_timeout), so the
    /// ceiling runs under the service's own settings.
    /// </summary>
    public static DbContextOptions<SurveyDbContext> LikeTheService(string file) =>
        new DbContextOptionsBuilder<SurveyDbContext>()
            .UseSqlite($"Data Source={file}", sqlite => sqlite.MigrationsAssembly("SurveyService.Migrations.Sqlite")
                .ExecutionStrategy(dependencies => new SqliteBusyRetry(dependencies)))
            .AddInterceptors(new SqlitePragmas())
            .Options;

    /// <summary>Read-only, and without the pragmas (they would try to change the journal mode).</summary>
    public static DbContextOptions<SurveyDbContext> ReadOnly(string file) =>
        new DbContextOptionsBuilder<SurveyDbContext>()
            .UseSqlite($"Data Source={file};Mode=ReadOnly")
            .Options;

    /// <summary>Submissions of the consultation that have at least one submitted version: what the rush kept.</summary>
    public static async Task<int> CountSubmittedAsync(DbContextOptions<SurveyDbContext> options, Guid consultationId)
    {
        await using var db = new SurveyDbContext(options);
        return await db.Submissions.CountAsync(s => s.ConsultationId == consultationId
            && db.SubmittedVersions.Any(v => v.SubmissionId == s.Id));
    }
}

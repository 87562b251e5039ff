using Microsoft.EntityFrameworkCore;
using SurveyService.Data;

namespace SurveyService.Bench;

/// <summary>
/// The benchmark's SQLite file, opened the way the host opens it (same migrations assembly, same
/// pragmas interceptor), so the queries run against the schema and settings the service uses.
/// </summary>
internal static class BenchDatabase
{
    /// <summary>The consultation that is measured, and a small one run first so that JIT and EF's
    /// model and query compilation (paid once per process in the service) stay out of the timing.</summary>
    public const string MeasuredTitle = "Benchmark consultation";
    public const string WarmUpTitle = "Warm-up consultation";

    public static SurveyDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SurveyDbContext>()
            .UseSqlite($"Data Source={path}", sqlite => sqlite.MigrationsAssembly("SurveyService.Migrations.Sqlite"))
            .AddInterceptors(new SqlitePragmas())
            .Options);

    public static Task<Guid> ConsultationIdAsync(SurveyDbContext db, string title) =>
        db.Consultations.AsNoTracking().Where(c => c.Title == title).Select(c => c.Id).SingleAsync();
}

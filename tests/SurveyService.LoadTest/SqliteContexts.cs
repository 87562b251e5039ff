using Microsoft.EntityFrameworkCore;

namespace SurveyService.LoadTest;

/// <summary>Reading the service's SQLite file afterwards, without disturbing it.</summary>
internal static class SqliteContexts
{
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

    /// <summary>Submitted versions of every consultation in the file: the portal's receipt page reads more slowly the more there are.</summary>
    public static async Task<int> CountAllSubmittedVersionsAsync(DbContextOptions<SurveyDbContext> options)
    {
        await using var db = new SurveyDbContext(options);
        return await db.SubmittedVersions.CountAsync();
    }
}

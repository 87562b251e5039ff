namespace SurveyService.Data;

internal static class Writes
{
    /// <summary>
    /// A short write transaction under the provider's execution strategy, so a transient failure
    /// (SQLite busy, a dropped SQL Server or PostgreSQL connection) retries the whole unit.
    /// The work returns false to roll back.
    /// </summary>
    public static Task<bool> WriteAsync(this SurveyDbContext db, Func<Task<bool>> work) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var done = await work();
            if (done)
                await transaction.CommitAsync();
            else
                await transaction.RollbackAsync();
            return done;
        });
}

namespace SurveyService.Data;

/// <summary>
/// SQL Server and PostgreSQL take many writers at once: each write is its own short transaction
/// on the caller's context, under the provider's execution strategy, so a transient failure (a
/// dropped connection, SQLite busy) retries the whole unit.
/// </summary>
internal sealed class TransactionPerWrite : IDatabaseWriter
{
    public Task<T> WriteAsync<T>(SurveyDbContext caller, Func<SurveyDbContext, Task<Written<T>>> work) =>
        caller.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            caller.ChangeTracker.Clear();
            await using var transaction = await caller.Database.BeginTransactionAsync();
            var written = await work(caller);
            if (written.Keep)
                await transaction.CommitAsync();
            else
                await transaction.RollbackAsync();
            return written.Value;
        });

    /// <summary>The same unit for the service's own writes on any provider (the compile's results).</summary>
    public static Task<bool> RunAsync(SurveyDbContext db, Func<Task<bool>> work) =>
        new TransactionPerWrite().WriteAsync(db, async _ =>
        {
            var keep = await work();
            return new Written<bool>(keep, keep);
        });
}

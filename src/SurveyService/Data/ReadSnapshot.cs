using System.Data;
using Microsoft.Data.Sqlite;

namespace SurveyService.Data;

/// <summary>
/// Reads that must agree with each other (a compile's figures and its rows, read minutes apart)
/// in one transaction that sees the database as it was at its first read, holding no lock that
/// would keep a writer waiting meanwhile:
/// <list type="bullet">
/// <item>SQLite: a deferred read transaction, a snapshot in WAL mode, where readers never block the
/// writer (nor <see cref="SqliteSingleWriter"/>'s batches). Not the provider's default
/// BEGIN IMMEDIATE, which would take the write lock for the whole compile. While it reads, a
/// checkpoint cannot move the WAL past its snapshot, so the WAL file grows by what is written
/// meanwhile (little: a compile runs after the close) and is checkpointed once it ends.</item>
/// <item>PostgreSQL: repeatable read, a snapshot taken at the first statement.</item>
/// <item>SQL Server: snapshot isolation, which a migration allows on the database (repeatable read
/// there would hold shared locks on every row read).</item>
/// </list>
/// Nothing may be written through the reading context inside: its writes would conflict with
/// whatever changed since the snapshot was taken.
/// </summary>
internal static class ReadSnapshot
{
    public static Task<T> RunAsync<T>(SurveyDbContext db, Func<Task<T>> read) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            if (db.Database.IsSqlite())
                return await SqliteAsync(db, read);
            await using var transaction = await db.Database.BeginTransactionAsync(
                db.Database.IsNpgsql() ? IsolationLevel.RepeatableRead : IsolationLevel.Snapshot);
            return await read();
        });

    private static async Task<T> SqliteAsync<T>(SurveyDbContext db, Func<Task<T>> read)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            // The context does not own a transaction it is given: disposed here, which rolls back what only read.
            await using var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await using var _ = await db.Database.UseTransactionAsync(transaction);
            return await read();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

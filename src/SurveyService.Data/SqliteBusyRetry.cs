using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace SurveyService.Data;

/// <summary>
/// SQLite has one writer at a time; past the busy timeout a writer fails with SQLITE_BUSY or
/// SQLITE_LOCKED. Retried a bounded number of times, as a deadline rush must not lose saves.
/// </summary>
public sealed class SqliteBusyRetry(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(2))
{
    protected override bool ShouldRetryOn(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 } || exception.InnerException is SqliteException { SqliteErrorCode: 5 or 6 };
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace SurveyService.Data;

/// <summary>
/// WAL lets readers go on while one writer writes, and the busy timeout makes a writer wait for
/// the lock instead of failing at once. Both are per connection (WAL is only set by EF when it
/// creates the file), so they are set on each new connection.
/// <para>
/// Only once per native connection: the provider pools them, and an open from the pool keeps its
/// settings. Running the four statements on every open was a few percent of a request's processor
/// time in the deadline rush, where every request opens a connection.
/// </para>
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    // Keyed by the native handle, which lives as long as the pooled connection does and is then collected.
    private static readonly ConditionalWeakTable<sqlite3, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNew(connection))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsNew(connection))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !Prepared.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
            Prepared.TryAdd(handle, Pragmas);
    }
}

using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SurveyService.Data;

/// <summary>
/// Instances started together (a deployment behind a load balancer) take turns at the start-up
/// steps: otherwise both apply the first migration, install Hangfire's tables, create the bootstrap
/// account and the OpenID clients and the first data-protection key at the same moment, and one of
/// them fails on what the other just created, or both keep a key of their own. The lock is the
/// database's own (an advisory lock on PostgreSQL, an application lock on SQL Server), held on a
/// connection of its own until disposed; SQLite serves one instance, so there is nothing to take.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    // Any fixed number: the name of this lock among the database's advisory locks.
    private const long PostgreSqlKey = 0x5375_7276_6579_0001;
    private const string SqlServerResource = "SurveyService.Startup";

    private readonly DbConnection? _connection;
    private readonly DatabaseProvider _provider;

    private StartupLock(DbConnection? connection, DatabaseProvider provider) => (_connection, _provider) = (connection, provider);

    public static async Task<StartupLock> TakeAsync(SurveyDbContext db, DatabaseProvider provider, bool createDatabase, CancellationToken cancellationToken)
    {
        if (provider == DatabaseProvider.Sqlite)
            return new StartupLock(null, provider);
        // The lock lives in the database, so the database must exist before anyone can wait for it.
        if (createDatabase)
            await CreateDatabaseAsync(db, cancellationToken);
        // Unpooled: closing the connection ends the session, and the lock with it, whatever happened.
        var connectionString = db.Database.GetConnectionString();
        DbConnection connection = provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
            : new SqlConnection(new SqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // No timeout: an instance waits as long as the one ahead of it takes to migrate.
            command.CommandTimeout = 0;
            command.CommandText = provider == DatabaseProvider.PostgreSql
                ? $"SELECT pg_advisory_lock({PostgreSqlKey})"
                : $"DECLARE @result int; EXEC @result = sp_getapplock @Resource = '{SqlServerResource}', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1; SELECT @result";
            var result = await command.ExecuteScalarAsync(cancellationToken);
            if (provider == DatabaseProvider.SqlServer && Convert.ToInt32(result) < 0)
                throw new InvalidOperationException($"The start-up lock was refused (sp_getapplock returned {result}).");
            return new StartupLock(connection, provider);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the database if it is missing; another instance creating it at the same moment is no failure.</summary>
    private static async Task CreateDatabaseAsync(SurveyDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
            return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (DbException)
        {
            // Created by another instance between the check and the create, or a real failure.
            if (!await creator.ExistsAsync(cancellationToken))
                throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
            return;
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = _provider == DatabaseProvider.PostgreSql
                ? $"SELECT pg_advisory_unlock({PostgreSqlKey})"
                : $"EXEC sp_releaseapplock @Resource = '{SqlServerResource}', @LockOwner = 'Session'";
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            // Ending the session releases the lock too, should the unlock itself have failed.
            await _connection.DisposeAsync();
        }
    }
}

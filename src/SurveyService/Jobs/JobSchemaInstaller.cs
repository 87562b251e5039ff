using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace SurveyService.Jobs;

/// <summary>Creates or upgrades Hangfire's own tables once the database exists (both installers are idempotent).</summary>
internal sealed class JobSchemaInstaller(JobStorageKind kind, string connectionString) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (kind == JobStorageKind.SqlServer)
        {
            await using var connection = new SqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            SqlServerObjectsInstaller.Install(connection);
        }
        else if (kind == JobStorageKind.PostgreSql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            PostgreSqlObjectsInstaller.Install(connection);
        }
    }
}

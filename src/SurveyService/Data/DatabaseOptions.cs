using System.ComponentModel.DataAnnotations;

namespace SurveyService.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the SQLite file (and other local state) lives when no connection string is given; created on first run.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations at start-up. Turn off in production and run deploy/ scripts instead.</summary>
    public bool MigrateAtStartup { get; set; } = true;
}

namespace SurveyService.Data;

/// <summary>
/// How the respondents' writes (saves and submits, thousands at a deadline) reach the database,
/// chosen with the provider: <see cref="SqliteSingleWriter"/> on SQLite, which has one writer,
/// <see cref="TransactionPerWrite"/> on SQL Server and PostgreSQL.
/// </summary>
internal interface IDatabaseWriter
{
    /// <summary>
    /// Runs the work in a transaction (or a savepoint) of its own, keeps its changes only when it
    /// says so, and returns the value it wrote or why it wrote nothing. The work must use the
    /// context it is given and may run more than once (a retried transaction).
    /// </summary>
    Task<T> WriteAsync<T>(SurveyDbContext caller, Func<SurveyDbContext, Task<Written<T>>> work);
}

/// <summary>What a write answers, and whether its changes are kept (false: they are undone).</summary>
internal readonly record struct Written<T>(bool Keep, T Value);

internal static class Written
{
    public static Written<T> Kept<T>(T value) => new(true, value);

    public static Written<T> Undone<T>(T value) => new(false, value);
}

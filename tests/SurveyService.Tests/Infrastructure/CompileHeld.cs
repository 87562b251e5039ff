using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// Holds the first compile that reaches the writing of its results, on whichever instance runs it,
/// until the test lets go. That instance is then as good as stopped: from the release on, none of
/// its commands reaches the database, as nothing does from a process that is gone.
/// </summary>
public sealed class CompileHeld : IDisposable
{
    private readonly TaskCompletionSource<SurveyApplication> _holder = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Adds the hold to the instance's database commands; set before it starts.</summary>
    public void On(SurveyApplication app) =>
        app.TestServices += services => services.ConfigureDbContext<SurveyDbContext>(options => options.AddInterceptors(new Interceptor(this, app)));

    /// <summary>The instance whose compile is held, once one is.</summary>
    public async Task<SurveyApplication> HolderAsync() => await _holder.Task.WaitAsync(TimeSpan.FromSeconds(60));

    public void Dispose() => _released.TrySetResult();

    private async Task PassAsync(SurveyApplication app, DbCommand command)
    {
        if (_holder.Task.IsCompleted && _holder.Task.Result == app && _released.Task.IsCompleted)
            throw new InvalidOperationException("This instance has stopped.");
        if (!command.CommandText.StartsWith("DELETE FROM \"AnalysisWorkbooks\"", StringComparison.Ordinal) || !_holder.TrySetResult(app))
            return;
        await _released.Task;
        throw new InvalidOperationException("This instance stopped before the compile's results were written.");
    }

    private sealed class Interceptor(CompileHeld hold, SurveyApplication app) : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await hold.PassAsync(app, command);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await hold.PassAsync(app, command);
            return result;
        }
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Analysis;

namespace SurveyService.Tests.Infrastructure;

/// <summary>
/// Holds the first compile in its middle, when its figures are read and its workbooks' rows are
/// about to stream, until the test lets it go: what a screening or a request made meanwhile meets,
/// made to happen every time. Registered on the service's contexts through SurveyApplication.TestServices.
/// </summary>
public sealed class CompileHeldAtTheRows : DbCommandInterceptor
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _holding = 1;

    public void Register(SurveyApplication app) =>
        app.TestServices = services => services.ConfigureDbContext<SurveyDbContext>(options => options.AddInterceptors(this));

    /// <summary>Waits until a compile is held (a minute at most).</summary>
    public async Task ReachedAsync()
    {
        if (await Task.WhenAny(_reached.Task, Task.Delay(TimeSpan.FromMinutes(1))) != _reached.Task)
            Assert.Fail("No compile reached its rows within a minute.");
    }

    public void Release() => _released.TrySetResult();

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains(AnswerRows.WorkbookRowsTag, StringComparison.Ordinal) && Interlocked.Exchange(ref _holding, 0) == 1)
        {
            _reached.TrySetResult();
            // Let go after a minute whatever happens, so a failing test never leaves a worker held at shutdown.
            await Task.WhenAny(_released.Task, Task.Delay(TimeSpan.FromMinutes(1), cancellationToken));
        }
        return result;
    }
}

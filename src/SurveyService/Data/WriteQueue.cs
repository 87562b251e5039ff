using System.Diagnostics.Metrics;
using System.Threading.Channels;

namespace SurveyService.Data;

/// <summary>
/// The respondents' writes (saves and submits), which arrive in thousands at a deadline.
/// <para>
/// On SQLite they are applied by one dedicated thread, in batches: one transaction per batch,
/// each write inside its own savepoint, so a write that refuses (returns false) or fails undoes
/// only itself. SQLite has a single writer anyway; letting every request take the write lock in
/// turn left the lock idle between holders (a waiter sleeps in SQLite's busy handler, or waits
/// for a thread-pool thread behind thousands of queued requests), and a commit per write paid the
/// commit's cost per write. A write's caller is answered only after its batch has committed.
/// </para>
/// <para>
/// SQL Server and PostgreSQL take many writers at once: there each write is its own short
/// transaction on the caller's context, as <see cref="Writes.WriteAsync"/> does.
/// </para>
/// </summary>
internal sealed class WriteQueue : IDisposable
{
    /// <summary>Writes per transaction at most; a batch is whatever has queued while the last one ran.</summary>
    private const int MaxBatch = 256;

    /// <summary>The meter of the writes' batches, for dashboards (dotnet-counters, OpenTelemetry).</summary>
    public const string MeterName = "SurveyService.Writes";

    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<WriteQueue> logger;
    private readonly Histogram<int> batchSizes;
    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly Lazy<Thread> writer;

    public WriteQueue(IServiceScopeFactory scopes, ILogger<WriteQueue> logger, IMeterFactory meters)
    {
        this.scopes = scopes;
        this.logger = logger;
        batchSizes = meters.Create(MeterName).CreateHistogram<int>("survey.writes.batch_size", "{write}",
            "Writes committed together in one SQLite transaction.");
        writer = new Lazy<Thread>(() =>
        {
            var thread = new Thread(Run) { IsBackground = true, Name = "SQLite writer" };
            thread.Start();
            return thread;
        });
    }

    /// <summary>
    /// Runs the work in a transaction and returns what it returned (false: its changes are undone).
    /// The work must use the context it is given, and may run more than once (a retried batch).
    /// </summary>
    public Task<bool> WriteAsync(SurveyDbContext caller, Func<SurveyDbContext, Task<bool>> work)
    {
        if (!caller.Database.IsSqlite())
            return caller.WriteAsync(() => work(caller));
        var pending = new PendingWrite(work);
        if (!queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(WriteQueue));
        _ = writer.Value;
        return pending.Done.Task;
    }

    public void Dispose() => queue.Writer.TryComplete();

    private void Run()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
                batch.Add(next);
            batchSizes.Record(batch.Count);
            try
            {
                ApplyAsync(batch).GetAwaiter().GetResult();
                foreach (var write in batch)
                    write.Complete();
            }
            catch (Exception exception)
            {
                // The batch's transaction failed as a whole (past the execution strategy's retries).
                logger.LogError(exception, "A batch of {Count} writes failed.", batch.Count);
                foreach (var write in batch)
                    write.Done.TrySetException(exception);
            }
            batch.Clear();
        }
    }

    private async Task ApplyAsync(List<PendingWrite> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
        // Each write has a savepoint of its own already; EF's own around each SaveChanges would double them.
        db.Database.AutoSavepointsEnabled = false;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                var write = batch[i];
                var savepoint = $"write{i}";
                await transaction.CreateSavepointAsync(savepoint);
                try
                {
                    write.Result = await write.Work(db);
                    write.Failure = null;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    write.Result = false;
                    write.Failure = exception;
                }
                if (write.Result)
                    await transaction.ReleaseSavepointAsync(savepoint);
                else
                    await transaction.RollbackToSavepointAsync(savepoint);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync();
        });
    }

    private sealed class PendingWrite(Func<SurveyDbContext, Task<bool>> work)
    {
        public Func<SurveyDbContext, Task<bool>> Work { get; } = work;
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Result { get; set; }
        public Exception? Failure { get; set; }

        public void Complete()
        {
            if (Failure is not null)
                Done.TrySetException(Failure);
            else
                Done.TrySetResult(Result);
        }
    }
}

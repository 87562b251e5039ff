using System.Diagnostics.Metrics;
using System.Threading.Channels;

namespace SurveyService.Data;

/// <summary>
/// The respondents' writes on SQLite (saves and submits, thousands at a deadline).
/// <para>
/// They are applied by one dedicated thread, in batches: one transaction per batch,
/// each write inside its own savepoint, so a write that refuses (returns false) or fails undoes
/// only itself. SQLite has a single writer anyway; letting every request take the write lock in
/// turn left the lock idle between holders (a waiter sleeps in SQLite's busy handler, or waits
/// for a thread-pool thread behind thousands of queued requests), and a commit per write paid the
/// commit's cost per write. A write's caller is answered only after its batch has committed.
/// </para>
/// </summary>
internal sealed class SqliteSingleWriter : IDatabaseWriter, IDisposable
{
    /// <summary>Writes per transaction at most; a batch is whatever has queued while the last one ran.</summary>
    private const int MaxBatch = 256;

    /// <summary>The meter of the writes' batches, for dashboards (dotnet-counters, OpenTelemetry).</summary>
    public const string MeterName = "SurveyService.Writes";

    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<SqliteSingleWriter> logger;
    private readonly Histogram<int> batchSizes;
    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly Lazy<Thread> writer;

    public SqliteSingleWriter(IServiceScopeFactory scopes, ILogger<SqliteSingleWriter> logger, IMeterFactory meters)
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

    /// <summary>Queues the work for the writer thread; answered once its batch has committed.</summary>
    public Task<T> WriteAsync<T>(SurveyDbContext caller, Func<SurveyDbContext, Task<Written<T>>> work)
    {
        var pending = new PendingWrite<T>(work);
        if (!queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(SqliteSingleWriter));
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
                    write.Fail(exception);
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
                if (await write.RunAsync(db))
                    await transaction.ReleaseSavepointAsync(savepoint);
                else
                    await transaction.RollbackToSavepointAsync(savepoint);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync();
        });
    }

    private abstract class PendingWrite
    {
        /// <summary>Runs the work (again, when the batch is retried); true when its changes are to be kept.</summary>
        public abstract Task<bool> RunAsync(SurveyDbContext db);

        /// <summary>Answers the caller with the last run's value or failure, once the batch has committed.</summary>
        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<SurveyDbContext, Task<Written<T>>> work) : PendingWrite
    {
        private Written<T> written;
        private Exception? failure;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task<bool> RunAsync(SurveyDbContext db)
        {
            try
            {
                (written, failure) = (await work(db), null);
                return written.Keep;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                (written, failure) = (default, exception);
                return false;
            }
        }

        public override void Complete()
        {
            if (failure is not null)
                Done.TrySetException(failure);
            else
                Done.TrySetResult(written.Value);
        }

        public override void Fail(Exception exception) => Done.TrySetException(exception);
    }
}

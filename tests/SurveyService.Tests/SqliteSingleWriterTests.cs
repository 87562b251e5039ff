using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Data;
using SurveyService.Data.Entities;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests;

/// <summary>
/// The respondents' writes on SQLite share one transaction per batch. What one write does must
/// still stand or fall on its own: one that refuses or throws undoes only itself, and its caller
/// hears about it, while the others in the batch are kept.
/// </summary>
public sealed class SqliteSingleWriterTests(SurveyApplication app) : IClassFixture<SurveyApplication>
{
    [Fact]
    public async Task EachWriteInABatchStandsOrFallsOnItsOwn()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var writer = app.Services.GetRequiredService<IDatabaseWriter>();
        Assert.IsType<SqliteSingleWriter>(writer);
        var batches = new List<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SqliteSingleWriter.MeterName && instrument.Meter.Scope == app.Services.GetRequiredService<IMeterFactory>())
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) => { lock (batches) batches.Add(size); });
        listener.Start();
        await using var scope = app.Services.CreateAsyncScope();
        var caller = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();

        // A first write holds the writer until the others have queued, so they land in shared batches
        // whatever the machine's load (released together, they did only most of the time).
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = writer.WriteAsync(caller, async _ =>
        {
            await release.Task;
            return Written.Kept("held");
        });
        var writes = Enumerable.Range(0, 60).Select(i => writer.WriteAsync(caller, async db =>
        {
            db.Entities.Add(new Entity { Name = $"{tag} {i}", Category = RespondentCategory.Academia, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            if (i % 5 == 4)
                throw new InvalidOperationException($"write {i} fails after saving");
            var keep = i % 3 != 2; // the rest of the refusals roll back what they saved
            return new Written<string>(keep, keep ? "kept" : "refused");
        })).ToArray();
        release.SetResult();
        Assert.Equal("held", await holder);

        var outcomes = new Dictionary<int, string>();
        for (var i = 0; i < writes.Length; i++)
        {
            try
            {
                outcomes[i] = await writes[i];
            }
            catch (InvalidOperationException exception)
            {
                outcomes[i] = exception.Message;
            }
        }

        // Otherwise this would only show that writes one at a time are independent.
        Assert.Contains(batches, size => size > 1);
        var stored = await caller.Entities.AsNoTracking().Where(e => e.Name.StartsWith(tag)).Select(e => e.Name).ToListAsync();
        for (var i = 0; i < writes.Length; i++)
        {
            var expected = i % 5 == 4 ? $"write {i} fails after saving" : i % 3 == 2 ? "refused" : "kept";
            Assert.Equal(expected, outcomes[i]);
            Assert.Equal(expected == "kept", stored.Contains($"{tag} {i}"));
        }
    }
}

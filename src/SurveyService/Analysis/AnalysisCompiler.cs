using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SurveyService.Analysis.Workbook;
using SurveyService.Consultations;
using SurveyService.Data.Analyses;
using SurveyService.Jobs;

namespace SurveyService.Analysis;

/// <summary>
/// The compile job. It claims the analysis with a conditional update (Pending or Failed, or a
/// Running one gone stale), so at-least-once delivery never runs two compiles of one consultation,
/// and it replaces its own result: compiling twice gives one result, the same for the same inputs.
/// <para>
/// The claim records the request count it answers (<see cref="Data.Analyses.Analysis.Requested"/>)
/// and its own number (the attempts), and the answers are read after it, in one snapshot. At the end
/// the analysis is Ready only if no request was counted meanwhile: a request made while this compile
/// ran may come after a screening its snapshot missed, so the analysis is left Pending and compiled
/// again. A compile whose claim was taken over (it ran past the stale limit) writes nothing.
/// </para>
/// </summary>
internal sealed class AnalysisCompiler(SurveyDbContext db, IServiceScopeFactory scopes, IBackgroundJobClient jobs, TimeProvider clock,
    IOptions<JobsOptions> jobOptions, IOptions<AnalysisOptions> options, IOptions<JsonOptions> json, ILogger<AnalysisCompiler> logger)
{
    private enum Finished
    {
        Ready,
        RequestedMeanwhile,
        TakenOver,
    }

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    public async Task CompileAsync(Guid consultationId)
    {
        if (await ClaimAsync(consultationId) is not { } claim)
            return;

        try
        {
            Finished finished;
            // The answers are read through a context of their own: its connection holds the snapshot,
            // while progress and the result are written through this one.
            await using (var scope = scopes.CreateAsyncScope())
            {
                var reading = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
                using var compiled = await AnalysisBuilder.BuildAsync(reading, consultationId, clock.UtcNow(), options.Value.MaxRowsPerSheet,
                    (stage, percent) => Mine(consultationId, claim).ExecuteUpdateAsync(set => set
                        .SetProperty(a => a.Stage, stage).SetProperty(a => a.Progress, percent)));
                finished = await StoreAsync(consultationId, claim, compiled);
                logger.LogInformation("Analysis of {ConsultationId} compiled from {Submissions} submissions ({Unplaced} answers not placed): {Finished}.",
                    consultationId, compiled.Summary.Submissions, compiled.Summary.Unplaced, finished);
            }
            if (finished == Finished.RequestedMeanwhile)
                AnalysisQueue.Enqueue(jobs, consultationId);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Compiling the analysis of {ConsultationId} failed.", consultationId);
            db.ChangeTracker.Clear();
            var error = $"{exception.GetType().Name}: {exception.Message}";
            await Mine(consultationId, claim).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, AnalysisStatus.Failed)
                .SetProperty(a => a.Error, error.Length > 4_000 ? error[..4_000] : error));
            throw; // Hangfire retries it.
        }
    }

    /// <summary>
    /// Claims the analysis if it is waiting for a compile; the claim's number is the attempt it
    /// makes, written only if no other claim came first (the attempts read are still the row's).
    /// </summary>
    private async Task<int?> ClaimAsync(Guid consultationId)
    {
        var now = clock.UtcNow();
        var stale = now.AddMinutes(-jobOptions.Value.StaleCompileMinutes);
        var waiting = await db.Analyses.AsNoTracking()
            .Where(a => a.ConsultationId == consultationId
                && (a.Status == AnalysisStatus.Pending || a.Status == AnalysisStatus.Failed
                    || (a.Status == AnalysisStatus.Running && a.StartedAt < stale)))
            .Select(a => new { a.Attempts }).FirstOrDefaultAsync();
        if (waiting is null)
            return null;
        var claim = waiting.Attempts + 1;
        var claimed = await db.Analyses
            .Where(a => a.ConsultationId == consultationId && a.Attempts == waiting.Attempts
                && (a.Status == AnalysisStatus.Pending || a.Status == AnalysisStatus.Failed
                    || (a.Status == AnalysisStatus.Running && a.StartedAt < stale)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, AnalysisStatus.Running)
                .SetProperty(a => a.StartedAt, now)
                .SetProperty(a => a.Attempts, claim)
                .SetProperty(a => a.CompiledRequest, a => a.Requested)
                .SetProperty(a => a.Stage, "Starting")
                .SetProperty(a => a.Progress, 0)
                .SetProperty(a => a.Error, (string?)null));
        return claimed == 0 ? null : claim;
    }

    /// <summary>Replaces the workbooks and the summary in one transaction, if the claim still holds.</summary>
    private async Task<Finished> StoreAsync(Guid consultationId, int claim, CompiledAnalysis compiled)
    {
        var summaryJson = JsonSerializer.Serialize(compiled.Summary, json.Value.SerializerOptions);
        var generatedAt = compiled.Summary.GeneratedAt.UtcDateTime;
        var finished = Finished.TakenOver;
        await TransactionPerWrite.RunAsync(db, async () =>
        {
            await db.AnalysisWorkbooks.Where(w => w.ConsultationId == consultationId).ExecuteDeleteAsync();
            // One workbook in memory at a time: read, insert, let go.
            foreach (var (scope, file) in compiled.WorkbookFiles)
            {
                db.AnalysisWorkbooks.Add(new AnalysisWorkbook { ConsultationId = consultationId, Scope = scope, Content = await File.ReadAllBytesAsync(file) });
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
            // Last, so the analysis row is locked only briefly: a request counted before this statement
            // makes it Pending here; one counted after finds it Ready and marks it Pending itself.
            var ready = await Mine(consultationId, claim).Where(a => a.Requested == a.CompiledRequest).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, AnalysisStatus.Ready)
                .SetProperty(a => a.Stage, (string?)null)
                .SetProperty(a => a.Progress, 100)
                .SetProperty(a => a.GeneratedAt, generatedAt)
                .SetProperty(a => a.SummaryJson, summaryJson));
            var again = ready > 0 ? 0 : await Mine(consultationId, claim).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, AnalysisStatus.Pending)
                .SetProperty(a => a.Stage, (string?)null)
                .SetProperty(a => a.Progress, 0)
                .SetProperty(a => a.GeneratedAt, generatedAt)
                .SetProperty(a => a.SummaryJson, summaryJson));
            finished = ready > 0 ? Finished.Ready : again > 0 ? Finished.RequestedMeanwhile : Finished.TakenOver;
            return finished != Finished.TakenOver;
        });
        return finished;
    }

    /// <summary>The analysis while this compile's claim holds: Running, and no later claim has taken it.</summary>
    private IQueryable<Data.Analyses.Analysis> Mine(Guid consultationId, int claim) =>
        db.Analyses.Where(a => a.ConsultationId == consultationId && a.Status == AnalysisStatus.Running && a.Attempts == claim);
}

internal sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>Rows per sheet before it continues on a next one. Excel's limit; lower only to test the continuation.</summary>
    [System.ComponentModel.DataAnnotations.Range(10, XlsxWriter.ExcelMaxRows)]
    public int MaxRowsPerSheet { get; set; } = XlsxWriter.ExcelMaxRows;
}

internal static class AnalysisSetup
{
    public static IServiceCollection AddSurveyAnalysis(this IServiceCollection services)
    {
        services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ScreenAnswer>();
        services.AddScoped<Themes.ThemeTagging>();
        services.AddScoped<Themes.ThemeReads>();
        services.AddScoped<RequestCompile>();
        services.AddScoped<ReadWorkbook>();
        services.AddScoped<ClosedConsultations>();
        return services;
    }
}

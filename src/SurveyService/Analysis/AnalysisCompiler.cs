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
/// </summary>
internal sealed class AnalysisCompiler(SurveyDbContext db, TimeProvider clock, IOptions<JobsOptions> jobs, IOptions<AnalysisOptions> options,
    IOptions<JsonOptions> json, ILogger<AnalysisCompiler> logger)
{
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
    public async Task CompileAsync(Guid consultationId)
    {
        var now = clock.UtcNow();
        var stale = now.AddMinutes(-jobs.Value.StaleCompileMinutes);
        var claimed = await db.Analyses
            .Where(a => a.ConsultationId == consultationId
                && (a.Status == AnalysisStatus.Pending || a.Status == AnalysisStatus.Failed
                    || (a.Status == AnalysisStatus.Running && a.StartedAt < stale)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, AnalysisStatus.Running)
                .SetProperty(a => a.StartedAt, now)
                .SetProperty(a => a.Attempts, a => a.Attempts + 1)
                .SetProperty(a => a.Stage, "Starting")
                .SetProperty(a => a.Progress, 0)
                .SetProperty(a => a.Error, (string?)null));
        if (claimed == 0)
            return;

        try
        {
            using var compiled = await AnalysisBuilder.BuildAsync(db, consultationId, clock.UtcNow(), options.Value.MaxRowsPerSheet,
                (stage, percent) => db.Analyses.Where(a => a.ConsultationId == consultationId).ExecuteUpdateAsync(set => set
                    .SetProperty(a => a.Stage, stage).SetProperty(a => a.Progress, percent)));
            var summaryJson = JsonSerializer.Serialize(compiled.Summary, json.Value.SerializerOptions);
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
                await db.Analyses.Where(a => a.ConsultationId == consultationId).ExecuteUpdateAsync(set => set
                    .SetProperty(a => a.Status, AnalysisStatus.Ready)
                    .SetProperty(a => a.Stage, (string?)null)
                    .SetProperty(a => a.Progress, 100)
                    .SetProperty(a => a.GeneratedAt, compiled.Summary.GeneratedAt.UtcDateTime)
                    .SetProperty(a => a.SummaryJson, summaryJson));
                return true;
            });
            logger.LogInformation("Analysis of {ConsultationId} compiled from {Submissions} submissions.", consultationId, compiled.Summary.Submissions);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Compiling the analysis of {ConsultationId} failed.", consultationId);
            db.ChangeTracker.Clear();
            var error = $"{exception.GetType().Name}: {exception.Message}";
            await db.Analyses.Where(a => a.ConsultationId == consultationId).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, AnalysisStatus.Failed)
                .SetProperty(a => a.Error, error.Length > 4_000 ? error[..4_000] : error));
            throw; // Hangfire retries it.
        }
    }
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
        services.AddScoped<RequestCompile>();
        return services;
    }
}

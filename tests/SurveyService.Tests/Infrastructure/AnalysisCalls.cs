using System.Diagnostics;
using ClosedXML.Excel;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using SurveyService.Analysis;
using SurveyService.Consultations;
using SurveyService.Data.Analyses;

namespace SurveyService.Tests.Infrastructure;

public static class AnalysisCalls
{
    /// <summary>Runs the real recurring sweep through Hangfire, as its schedule would.</summary>
    public static void TriggerSweep(this SurveyApplication app) =>
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("close-due-consultations");

    /// <summary>Polls the analysis status until it is one of the wanted ones; the jobs run on Hangfire's own workers.</summary>
    public static async Task<AnalysisStatusResponse> WaitForAnalysisAsync(this HttpClient staff, Guid consultationId, params AnalysisStatus[] statuses)
    {
        statuses = statuses.Length == 0 ? [AnalysisStatus.Ready] : statuses;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var analysis = await (await staff.GetAsync($"/api/consultations/{consultationId}/analysis")).ReadAsAsync<AnalysisStatusResponse>();
            if (statuses.Contains(analysis.Status))
                return analysis;
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
                Assert.Fail($"The analysis did not become {string.Join(" or ", statuses)} within a minute: {analysis}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for the compile asked for after the first one (the attempts count both) to be ready.</summary>
    public static async Task WaitForRecompileAsync(this HttpClient analyst, Guid consultationId)
    {
        for (var i = 0; i < 600; i++)
        {
            var analysis = await analyst.WaitForAnalysisAsync(consultationId, AnalysisStatus.Ready, AnalysisStatus.Failed);
            if (analysis.Attempts >= 2 && analysis.Status == AnalysisStatus.Ready)
                return;
            await Task.Delay(100);
        }
        Assert.Fail("The recompile did not finish.");
    }

    public static async Task<ConsultationStatus> StatusAsync(this HttpClient client, Guid consultationId) =>
        (await (await client.GetAsync($"/api/consultations/{consultationId}")).ReadAsAsync<ConsultationResponse>()).Status;

    public static async Task<(XLWorkbook Workbook, byte[] Bytes)> DownloadWorkbookAsync(this HttpClient analyst, Guid consultationId, string? tier = null)
    {
        var response = await analyst.GetAsync($"/api/consultations/{consultationId}/analysis/workbook{(tier is null ? "" : "?tier=" + tier)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (new XLWorkbook(new MemoryStream(bytes)), bytes);
    }

    /// <summary>Every non-empty cell's text in the workbook, for asserting what is (not) in it.</summary>
    public static IEnumerable<(string Sheet, string Address, string Text)> AllText(this XLWorkbook workbook) =>
        workbook.Worksheets.SelectMany(sheet => sheet.CellsUsed().Select(cell => (sheet.Name, cell.Address.ToString()!, cell.GetString())));
}

public static class JobCalls
{
    /// <summary>Enqueues a job on the application's real Hangfire server and waits until it has run.</summary>
    public static async Task RunJobAsync<T>(this SurveyApplication app, System.Linq.Expressions.Expression<Func<T, Task>> job)
    {
        var id = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(job);
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var clock = Stopwatch.StartNew();
        while (monitoring.JobDetails(id)?.History.FirstOrDefault()?.StateName is not ("Succeeded" or "Failed" or "Deleted"))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
                Assert.Fail($"Job {id} did not run within a minute.");
            await Task.Delay(50);
        }
    }
}

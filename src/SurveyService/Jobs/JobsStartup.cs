using Hangfire;
using Microsoft.Extensions.Options;
using SurveyService.Identity;

namespace SurveyService.Jobs;

/// <summary>
/// Registers the recurring sweep and runs one sweep before requests are served, so whatever fell
/// due while the service was down (and any close lost with in-memory jobs) is closed at once.
/// </summary>
internal sealed class JobsStartup(IServiceProvider services, IRecurringJobManager recurring, IOptions<JobsOptions> options) : IHostedService
{
    public const string SweepJobId = "close-due-consultations";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<ConsultationCloser>(SweepJobId, closer => closer.SweepAsync(), options.Value.SweepCron);
        recurring.AddOrUpdate<TokenPruning>(TokenPruning.JobId, pruning => pruning.PruneAsync(), Cron.Daily(3));
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConsultationCloser>().SweepAfterRestartAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

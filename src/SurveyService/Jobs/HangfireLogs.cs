using Hangfire.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using MicrosoftLevel = Microsoft.Extensions.Logging.LogLevel;

namespace SurveyService.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a static. When several hosts share a process (integration
/// tests) and one stops, its disposed logger factory must not break the others' jobs: a disposed
/// factory makes Hangfire's logging silent instead of throwing.
/// </summary>
internal sealed class HangfireLogs(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new Forwarder(factory.CreateLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new Forwarder(null);
        }
    }

    private sealed class Forwarder(ILogger? logger) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (logger is null)
                return false;
            var level = logLevel switch
            {
                HangfireLevel.Trace => MicrosoftLevel.Trace,
                HangfireLevel.Debug => MicrosoftLevel.Debug,
                HangfireLevel.Info => MicrosoftLevel.Information,
                HangfireLevel.Warn => MicrosoftLevel.Warning,
                HangfireLevel.Error => MicrosoftLevel.Error,
                _ => MicrosoftLevel.Critical,
            };
            try
            {
                if (messageFunc is null)
                    return logger.IsEnabled(level);
                logger.Log(level, exception, "{Message}", messageFunc());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}

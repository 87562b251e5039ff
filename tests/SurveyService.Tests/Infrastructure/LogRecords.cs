using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SurveyService.Tests.Infrastructure;

/// <summary>Every message the instances it is added to log, to count what happened across them.</summary>
public sealed class LogRecords : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public void On(SurveyApplication app) => app.TestServices += services => services.AddSingleton<ILoggerProvider>(this);

    public int Count(string containing) => _messages.Count(m => m.Contains(containing, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(_messages);

    public void Dispose() { }

    private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                messages.Enqueue(formatter(state, exception));
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VibeCoder.Gateway.Tests.Faults;

/// <summary>
/// Keeps every entry at <c>minimum</c> or above (warnings and errors unless told) as one line
/// "Level Category: message | exception type: message".
/// </summary>
internal sealed class QueueLoggerProvider(ConcurrentQueue<string> lines, LogLevel minimum = LogLevel.Warning) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new QueueLogger(categoryName, lines, minimum);

    public void Dispose()
    {
    }

    private sealed class QueueLogger(string category, ConcurrentQueue<string> lines, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : $" | {exception.GetType().FullName}: {exception.Message}")}");
            }
        }
    }
}

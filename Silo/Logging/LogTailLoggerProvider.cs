using System.Diagnostics;
using Microsoft.Extensions.Logging;
using VibeCoder.Runtime;
using VibeCoder.Silo.Tracing;

namespace VibeCoder.Silo.Logging;

/// <summary>Feeds every log event at or above the configured level into the <see cref="LogTail"/>.</summary>
[ProviderAlias("DashboardTail")]
internal sealed class LogTailLoggerProvider(LogTail tail, TimeProvider time) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TailLogger(tail, time, categoryName);

    public void Dispose()
    {
    }

    private sealed class TailLogger(LogTail tail, TimeProvider time, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            // Read on the logging thread: the activity and the request context are the caller's.
            var message = formatter(state, exception);
            var traceId = Activity.Current?.TraceId.ToHexString();
            var correlationId = RequestContext.Get(CorrelationIds.RequestContextKey);
            var timestamp = time.GetUtcNow();
            tail.Add(sequence => new LogTailEntry(
                sequence, timestamp, logLevel.ToString(), category, eventId.Id, message, exception?.ToString(), traceId, correlationId));
        }
    }
}

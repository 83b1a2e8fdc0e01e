using System.ClientModel;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace VibeCoder.Content.OpenAi;

/// <summary>
/// Builds the pipeline every call to the AI service runs through: retry (outermost) → circuit breaker → per-attempt
/// timeout (innermost), so each attempt gets its own time budget and every failed attempt counts toward the breaker.
/// </summary>
internal static partial class ContentResiliencePipeline
{
    public static ResiliencePipeline Build(ContentOptions options, ILogger logger, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = TransientFailures(),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfter.From(args.Outcome.Exception, options.MaxRetryAfter, timeProvider.GetUtcNow())),
                OnRetry = args =>
                {
                    Log.Retrying(logger, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds, Describe(args.Outcome.Exception));
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = TransientFailures(),
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            OnOpened = args =>
            {
                Log.CircuitOpened(logger, (long)args.BreakDuration.TotalSeconds);
                return default;
            },
            OnClosed = _ =>
            {
                Log.CircuitClosed(logger);
                return default;
            },
        });

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>
    /// True for failures that may pass: rate limiting, server errors, timeouts, network errors, and a body that is not a
    /// chat completion at all (an error page of a proxy in front of the service), which says the endpoint is unwell.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ClientResultException e => IsTransientStatus(e.Status),
        TimeoutRejectedException or HttpRequestException or JsonException => true,
        _ => false,
    };

    // Status 0 is how System.ClientModel reports a request that never got a response (connection refused, reset).
    private static bool IsTransientStatus(int status) => status is 0 or 408 or 429 or >= 500;

    private static PredicateBuilder TransientFailures()
    {
        var builder = new PredicateBuilder();
        builder.Handle<Exception>(IsTransient);
        return builder;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        ClientResultException { Status: 0 } => "no response",
        ClientResultException e => $"HTTP {e.Status}",
        TimeoutRejectedException => "timeout",
        null => "unknown",
        _ => exception.GetType().Name,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "AI service call failed ({Failure}); retry {Retry} in {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, int retry, long delayMs, string failure);

        [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "AI service circuit opened for {BreakSeconds} s after repeated failures")]
        public static partial void CircuitOpened(ILogger logger, long breakSeconds);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "AI service circuit closed; calls flow again")]
        public static partial void CircuitClosed(ILogger logger);
    }
}

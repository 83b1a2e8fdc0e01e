using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using VibeCoder.Persistence;
using VibeCoder.Silo.Hosting;

namespace VibeCoder.Gateway.Hosting;

/// <summary>
/// Turns a request that failed because a dependency is away (storage unreachable, restarting, full, read-only or
/// locked; the cluster not answering in time) into 503 problem+json with <c>Retry-After</c> — "try again", not "bug" —
/// with one log line saying what is unavailable (naming the SQLite file), at most once per reason every
/// <see cref="LogInterval"/>, instead of a 500 and a stack trace per request.
/// </summary>
internal sealed partial class UnavailableExceptionHandler(
    IProblemDetailsService problems,
    TimeProvider clock,
    ILogger<UnavailableExceptionHandler> logger,
    StorageSettings? storage = null) : IExceptionHandler
{
    /// <summary>The Retry-After sent: long enough for a database restart, short enough not to idle.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _lastLogged = new(StringComparer.Ordinal);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Classify(exception) is not { } reason)
        {
            return false;
        }

        var what = storage?.Kind == StorageKind.Sqlite && reason.StartsWith("SQLite", StringComparison.Ordinal)
            ? $"{reason} ({Path.GetFullPath(storage.SqlitePath)})"
            : reason;
        if (ShouldLog(what))
        {
            Log.Unavailable(logger, what, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        }

        SetUnavailable(httpContext.Response);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = $"The service cannot serve this request right now ({reason}); try again in {RetryAfter.TotalSeconds:0} s.",
            },
        });
    }

    /// <summary>Sets 503 and <c>Retry-After</c> on <paramref name="response"/>.</summary>
    public static void SetUnavailable(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>What is unavailable when <paramref name="exception"/> means "try again later"; null for other errors.</summary>
    public static string? Classify(Exception exception)
    {
        if (StorageOutage.TryDescribe(exception, out var reason))
        {
            return reason;
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case TimeoutException:
                    return "the cluster did not answer in time";
                case SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException:
                    return "the cluster is unreachable";
                case InconsistentStateException:
                    return "state changed concurrently";
            }
        }

        return null;
    }

    private bool ShouldLog(string what)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_lastLogged.TryGetValue(what, out var last) && now - last < LogInterval)
            {
                return false;
            }

            _lastLogged[what] = now;
            return true;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Unavailable: {What}; answering 503 with Retry-After (first: {Method} {Path}, {ExceptionType})")]
        public static partial void Unavailable(ILogger logger, string what, string method, PathString path, string exceptionType);
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using VibeCoder.Grains.Carousels;
using VibeCoder.Persistence;
using VibeCoder.Silo.Hosting;

namespace VibeCoder.Gateway.Hosting;

/// <summary>
/// Turns a request that failed because a dependency is away (storage unreachable, restarting, full, read-only or
/// locked; the cluster not answering in time) into 503 problem+json with <c>Retry-After</c> — "try again", not "bug" —
/// with one log line saying what is unavailable (naming the SQLite file), at most once per reason every
/// <see cref="LogInterval"/>, instead of a 500 and a stack trace per request. A new carousel shed because its silo is at
/// capacity (<see cref="CarouselOverloadedException"/>) gets the same 503, with the wait the silo suggested.
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
        if (OverloadOf(exception) is { } overload)
        {
            return await WriteOverloadedAsync(httpContext, overload);
        }

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

    /// <summary>Sets 503 and <c>Retry-After</c> (<see cref="RetryAfter"/> unless <paramref name="retryAfter"/> is given) on <paramref name="response"/>.</summary>
    public static void SetUnavailable(HttpResponse response, TimeSpan? retryAfter = null)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        var seconds = Math.Max(1, (int)Math.Ceiling((retryAfter ?? RetryAfter).TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }

    private async ValueTask<bool> WriteOverloadedAsync(HttpContext httpContext, CarouselOverloadedException overload)
    {
        if (ShouldLog("overloaded"))
        {
            Log.Overloaded(logger, httpContext.Request.Method, httpContext.Request.Path, overload.RetryAfter.TotalSeconds);
        }

        SetUnavailable(httpContext.Response, overload.RetryAfter);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = overload,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Too busy",
                Detail = overload.Message,
            },
        });
    }

    private static CarouselOverloadedException? OverloadOf(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is CarouselOverloadedException overload)
            {
                return overload;
            }
        }

        return null;
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

        [LoggerMessage(2, LogLevel.Warning, "Overloaded: shedding new carousels with 503 (first: {Method} {Path}, Retry-After {RetryAfterSeconds:0} s)")]
        public static partial void Overloaded(ILogger logger, string method, PathString path, double retryAfterSeconds);
    }
}

using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace VibeCoder.Gateway.Edge;

/// <summary>
/// What the gateway's rate limits share: a token bucket of N tokens with one coming back every 60/N seconds (a burst
/// of N, then a steady N a minute, and a <c>Retry-After</c> of seconds rather than "the next minute"), and the refusal:
/// 429 problem+json with <c>Retry-After</c> and one log line.
/// </summary>
internal static partial class PerMinuteLimit
{
    /// <summary>The bucket of <paramref name="partition"/>, holding <paramref name="permitsPerMinute"/> tokens.</summary>
    public static RateLimitPartition<string> Bucket(string partition, int permitsPerMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permitsPerMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / permitsPerMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>
    /// Answers a refused request: 429 with <c>Retry-After</c> (the limiter's own figure, else one token's time) and a
    /// problem whose detail <paramref name="detail"/> writes from the seconds to wait.
    /// </summary>
    public static async ValueTask RefuseAsync(
        OnRejectedContext context, int permitsPerMinute, IProblemDetailsService problems, ILogger logger, string title, Func<int, string> detail)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter
            : TimeSpan.FromMinutes(1) / Math.Max(1, permitsPerMinute);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        Log.Limited(logger, http.Request.Method, http.Request.Path, ClientPartition.Of(http.Connection.RemoteIpAddress), seconds);

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = title,
                Detail = detail(seconds),
            },
        });
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Rate limit: refused {Method} {Path} from {Client}; Retry-After {RetryAfterSeconds} s")]
        public static partial void Limited(ILogger logger, string method, PathString path, string client, int retryAfterSeconds);
    }
}

using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace VibeCoder.Gateway.Edge;

/// <summary>
/// The limiter policy of <c>POST /api/carousels</c>: a token bucket per client address (<see cref="ClientPartition"/>)
/// holding <see cref="PublicApiOptions.PermitsPerMinute"/> tokens, one coming back every 60/N seconds — a burst of N,
/// then a steady N per minute, and a <c>Retry-After</c> of a few seconds rather than "wait for the next minute".
/// Callers with a valid API key and a limit of 0 are not limited. A refusal is 429 problem+json with
/// <c>Retry-After</c> and one log line.
/// </summary>
internal sealed partial class CarouselCreationRateLimit : IRateLimiterPolicy<string>
{
    /// <summary>The policy name endpoints require.</summary>
    public const string PolicyName = "carousel-creation";

    private const string Unlimited = "unlimited";

    private readonly int _permitsPerMinute;
    private readonly ApiKeyRing _keys;
    private readonly IProblemDetailsService _problems;
    private readonly ILogger<CarouselCreationRateLimit> _logger;

    public CarouselCreationRateLimit(
        IOptions<PublicApiOptions> options, ApiKeyRing keys, IProblemDetailsService problems, ILogger<CarouselCreationRateLimit> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _permitsPerMinute = options.Value.PermitsPerMinute;
        _keys = keys;
        _problems = problems;
        _logger = logger;
        OnRejected = RejectAsync;
    }

    /// <inheritdoc />
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; }

    /// <inheritdoc />
    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        // A wrong key spends the address's tokens like an anonymous call, so keys cannot be guessed faster than the limit.
        if (_permitsPerMinute == 0 || _keys.Identify(httpContext) == ApiCaller.Trusted)
        {
            return RateLimitPartition.GetNoLimiter(Unlimited);
        }

        return RateLimitPartition.GetTokenBucketLimiter(ClientPartition.Of(httpContext.Connection.RemoteIpAddress), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = _permitsPerMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / _permitsPerMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter
            : TimeSpan.FromMinutes(1) / Math.Max(1, _permitsPerMinute);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var client = ClientPartition.Of(http.Connection.RemoteIpAddress);
        Log.Limited(_logger, http.Request.Method, http.Request.Path, client, seconds);

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await _problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"At most {_permitsPerMinute} carousels a minute from one client; try again in {seconds} s, or use an API key.",
            },
        });
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Rate limit: refused {Method} {Path} from {Client}; Retry-After {RetryAfterSeconds} s")]
        public static partial void Limited(ILogger logger, string method, PathString path, string client, int retryAfterSeconds);
    }
}

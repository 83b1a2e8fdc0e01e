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
internal sealed class CarouselCreationRateLimit : IRateLimiterPolicy<string>
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

        return PerMinuteLimit.Bucket(ClientPartition.Of(httpContext.Connection.RemoteIpAddress), _permitsPerMinute);
    }

    private ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken) =>
        PerMinuteLimit.RefuseAsync(
            context,
            _permitsPerMinute,
            _problems,
            _logger,
            "Too many requests",
            seconds => $"At most {_permitsPerMinute} carousels a minute from one client; try again in {seconds} s, or use an API key.");
}

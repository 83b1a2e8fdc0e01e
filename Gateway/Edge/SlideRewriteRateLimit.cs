using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace VibeCoder.Gateway.Edge;

/// <summary>
/// The limiter policy of <c>POST /api/carousels/{id}/slides/{n}/rewrite</c>: each rewrite is a call to the language
/// model, paid per call, and an edit link is held by whoever it was given to — so a token bucket per carousel and client
/// address allows a burst of <see cref="PermitsPerMinute"/>, then one every 60/N seconds. Callers with a valid API key are not limited.
/// A refusal is 429 problem+json with <c>Retry-After</c> and one log line.
/// </summary>
internal sealed class SlideRewriteRateLimit(ApiKeyRing keys, IProblemDetailsService problems, ILogger<SlideRewriteRateLimit> logger) : IRateLimiterPolicy<string>
{
    /// <summary>The policy name the endpoint requires.</summary>
    public const string PolicyName = "slide-rewrite";

    /// <summary>Rewrites per carousel per minute: more than a person clicking, far fewer than a script.</summary>
    public const int PermitsPerMinute = 6;

    private const string Unlimited = "unlimited";

    /// <inheritdoc />
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    /// <inheritdoc />
    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (keys.Identify(httpContext) == ApiCaller.Trusted)
        {
            return RateLimitPartition.GetNoLimiter(Unlimited);
        }

        // The limiter runs before the edit token is checked, so the bucket is per carousel and client address: a
        // stranger hammering a carousel's id without its link spends their own tokens, not the owner's.
        var carousel = httpContext.GetRouteValue("id") as string ?? "";
        var partition = string.Concat(carousel, "@", ClientPartition.Of(httpContext.Connection.RemoteIpAddress));
        return PerMinuteLimit.Bucket(partition, PermitsPerMinute);
    }

    private ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken) =>
        PerMinuteLimit.RefuseAsync(
            context,
            PermitsPerMinute,
            problems,
            logger,
            "Too many rewrites",
            seconds => $"At most {PermitsPerMinute} rewrites of one carousel a minute; try again in {seconds} s.");
}

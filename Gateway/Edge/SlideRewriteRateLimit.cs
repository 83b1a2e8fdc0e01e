using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace VibeCoder.Gateway.Edge;

/// <summary>
/// The limiter policy of <c>POST /api/carousels/{id}/slides/{n}/rewrite</c>: each rewrite is a call to the language
/// model, paid per call, and an edit link is held by whoever it was given to — so a token bucket per carousel and client
/// address allows a burst of <see cref="PermitsPerMinute"/>, then one every 60/N seconds. Callers with a valid API key are not limited.
/// A refusal is 429 problem+json with <c>Retry-After</c>.
/// </summary>
internal sealed class SlideRewriteRateLimit(ApiKeyRing keys, IProblemDetailsService problems) : IRateLimiterPolicy<string>
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
        return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = PermitsPerMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / PermitsPerMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1) / PermitsPerMinute;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many rewrites",
                Detail = $"At most {PermitsPerMinute} rewrites of one carousel a minute; try again in {seconds} s.",
            },
        });
    }
}

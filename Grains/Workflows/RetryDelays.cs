using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Workflows;

/// <summary>
/// How long the workflow waits before trying a step again. Pure functions of the options, the attempt and a jitter
/// draw in [0, 1), so the policy is tested without clocks.
/// </summary>
internal static class RetryDelays
{
    /// <summary>
    /// Before attempt <paramref name="attempt"/> + 1 after a failure: doubling from <see cref="CarouselOptions.RetryBaseDelay"/>
    /// with up to 50 % jitter, or exactly until <paramref name="notBefore"/> when the failure named a time.
    /// </summary>
    /// <remarks>
    /// A deferred delivery names its time (Telegram's retry_after, or the outage backoff): sooner would only be refused
    /// again, and the exponential delay grows without bound over the attempts a long wait takes.
    /// </remarks>
    public static TimeSpan BeforeAttempt(CarouselOptions options, int attempt, DateTimeOffset? notBefore, DateTimeOffset now, double jitter)
    {
        if (notBefore is { } retryAt)
        {
            return retryAt > now ? retryAt - now : TimeSpan.Zero;
        }

        return Jittered(options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt, 30) - 1), jitter);
    }

    /// <summary>
    /// The wait before the <paramref name="retries"/>th try through an outage of the AI service: what the service asked
    /// for (<paramref name="retryAfter"/>: the breaker's remaining break or Retry-After), else a capped backoff; never
    /// below <see cref="CarouselOptions.RetryBaseDelay"/> and never past the job's deadline (<paramref name="untilDeadline"/>).
    /// </summary>
    public static TimeSpan OutageWait(CarouselOptions options, int retries, TimeSpan? retryAfter, TimeSpan untilDeadline, double jitter)
    {
        var wait = retryAfter ?? OutageBackoff(options, retries, jitter);

        // A breaker half-open for another job's trial may say "now": do not spin on it.
        if (wait < options.RetryBaseDelay)
        {
            wait = options.RetryBaseDelay;
        }

        // One last try at the deadline: an outage that ends just before it still lets the job through.
        return wait > untilDeadline ? untilDeadline : wait;
    }

    // Doubling with up to 50 % jitter, capped; the exponent is bounded so the product cannot overflow.
    private static TimeSpan OutageBackoff(CarouselOptions options, int retries, double jitter)
    {
        var delay = Jittered(options.RetryBaseDelay * Math.Pow(2, Math.Min(retries - 1, 30)), jitter);
        return delay < options.OutageRetryMaxDelay ? delay : options.OutageRetryMaxDelay;
    }

    private static TimeSpan Jittered(TimeSpan baseDelay, double jitter) => baseDelay + (baseDelay * jitter * 0.5);
}

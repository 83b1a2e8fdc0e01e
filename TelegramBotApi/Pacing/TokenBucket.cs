namespace VibeCoder.Telegram.Pacing;

/// <summary>
/// A token bucket that hands out reservations: a caller always takes a token, possibly driving the balance
/// negative, and is told how long to wait until its token exists. Callers are thus served in arrival order.
/// </summary>
/// <remarks>Not thread-safe: callers lock the bucket itself around every member.</remarks>
internal sealed class TokenBucket
{
    private readonly double _capacity;
    private readonly double _tokensPerSecond;
    private double _tokens;
    private long _lastRefill;

    public TokenBucket(double capacity, double tokensPerSecond, long now)
    {
        _capacity = capacity;
        _tokensPerSecond = tokensPerSecond;
        _tokens = capacity;
        _lastRefill = now;
    }

    /// <summary>Set when the pacer dropped this bucket from its table; a caller holding it must look up again.</summary>
    public bool Retired { get; set; }

    /// <summary>Takes one token and returns how long the caller must wait for it (zero when it was there).</summary>
    public TimeSpan Reserve(long now, TimeProvider time)
    {
        Refill(now, time);
        _tokens -= 1;
        return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _tokensPerSecond);
    }

    /// <summary>Gives back a token whose reservation was cancelled.</summary>
    public void Refund() => _tokens = Math.Min(_capacity, _tokens + 1);

    /// <summary>True when the bucket has refilled completely, i.e. it is indistinguishable from a new one.</summary>
    public bool IsFull(long now, TimeProvider time)
    {
        Refill(now, time);
        return _tokens >= _capacity;
    }

    private void Refill(long now, TimeProvider time)
    {
        var elapsed = time.GetElapsedTime(_lastRefill, now);
        if (elapsed > TimeSpan.Zero)
        {
            _tokens = Math.Min(_capacity, _tokens + (elapsed.TotalSeconds * _tokensPerSecond));
            _lastRefill = now;
        }
    }
}

namespace VibeCoder.Gateway.Tests.Edits;

/// <summary>A clock standing at one instant: issues links that are already expired, or checks them in the future.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

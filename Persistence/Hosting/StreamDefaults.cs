namespace VibeCoder.Persistence.Hosting;

/// <summary>
/// How this library sets up every AdoNet stream provider, silo and client alike. Override per provider with the
/// named options (<c>AdoNetStreamOptions</c>, <c>StreamPullingAgentOptions</c>) after registering.
/// </summary>
internal static class StreamDefaults
{
    /// <summary>Queues per provider. Silos and clients must agree (the queue of a stream is its hash modulo this); each queue costs one poll per period.</summary>
    public const int QueueCount = 4;

    /// <summary>How often a silo polls each queue it owns: the floor of delivery latency.</summary>
    public static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(50);

    /// <summary>Delivery attempts (leases) before a message goes to dead letters.</summary>
    public const int MaxAttempts = 5;

    /// <summary>How long a leased message stays hidden: a silo that dies mid-delivery releases its messages after this.</summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long an undelivered message waits before it expires to dead letters (survives a long outage).</summary>
    public static readonly TimeSpan ExpiryTimeout = TimeSpan.FromDays(1);

    /// <summary>How long dead letters are kept for inspection and re-drive.</summary>
    public static readonly TimeSpan DeadLetterRetention = TimeSpan.FromDays(7);
}

namespace VibeCoder.Runtime.Streams;

/// <summary>
/// Delivery, retry and retention settings of one stream provider (named options, one per provider name). Bound from
/// the configuration section <c>Streams:&lt;provider name&gt;</c>, then changed by the <c>configure</c> callback of the
/// <c>Add…Streams</c> call; validated at start.
/// </summary>
/// <remarks>
/// Defaults: 5 delivery attempts with backoff from 200 ms doubling to at most 10 s; checkpoints written every
/// 250 ms; a safety poll every 5 s (SQLite: 2 s); group commits of up to 1,000 items on 2 PostgreSQL connections;
/// retention of 7 days with no count limit, applied every minute (the memory provider keeps at most 10,000 items per
/// stream for at most 1 hour instead). Retention never removes an item that a subscription of its stream has not yet
/// passed. See docs/streams.md.
/// </remarks>
public sealed class StreamOptions
{
    /// <summary>The configuration section whose child named like the provider binds these options.</summary>
    public const string SectionName = "Streams";

    /// <summary>How many times an item is offered to a subscriber before it goes to the dead-letter list. Default 5.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>The wait after the first failed attempt; it doubles with each further failure. Default 200 ms.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two attempts. Default 10 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many items a subscription reads at once from the log. Default 256.</summary>
    public int DeliveryBatchSize { get; set; } = 256;

    /// <summary>
    /// How often subscription positions are written (all changed ones in one statement). After a crash, at most this much
    /// delivery is repeated. Default 250 ms.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How often the log is scanned for items no change notification announced (written by another process, or while
    /// the PostgreSQL listener was reconnecting). Default 5 s.
    /// </summary>
    public TimeSpan SafetyPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most items one database commit takes when concurrent publishes are coalesced. Default 1,000.</summary>
    public int PublishBatchSize { get; set; } = 1000;

    /// <summary>
    /// How many connections commit publishes concurrently (PostgreSQL; SQLite has one writer). Each owns a share of the
    /// streams, so a stream's items are still committed one batch after another. Default 2.
    /// </summary>
    public int PublishWriters { get; set; } = 2;

    /// <summary>Items older than this may be removed; null keeps them regardless of age. Default 7 days.</summary>
    public TimeSpan? RetentionAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Only the newest this many items of each stream are kept; null for no limit. Default null.</summary>
    public int? RetentionCount { get; set; }

    /// <summary>How often retention runs. Default 1 minute.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many recently published items per stream are kept in memory so delivery need not read them back. Default 1,024.</summary>
    public int MaxCachedItemsPerStream { get; set; } = 1024;
}

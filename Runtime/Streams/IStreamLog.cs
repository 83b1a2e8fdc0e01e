namespace VibeCoder.Runtime.Streams;

/// <summary>
/// Where a stream provider keeps items, explicit subscriptions, checkpoints and dead letters: memory, or a database
/// (the SQLite and PostgreSQL logs in VibeCoder.Persistence). One instance per provider; the provider's name
/// separates its rows from other providers' in a shared database.
/// </summary>
/// <remarks>
/// The one ordering rule every implementation keeps: within a stream, sequence numbers are assigned 1, 2, 3, … inside
/// the committing transaction and commit in that order, so a reader that saw item <c>n</c> committed can never later
/// find an item below <c>n</c> appearing (no skipped late commits).
/// </remarks>
internal interface IStreamLog : IAsyncDisposable
{
    /// <summary>Names the log and its database for messages (never a password).</summary>
    string Description { get; }

    /// <summary>Whether committed items survive the process.</summary>
    bool IsDurable { get; }

    /// <summary>
    /// Registers the callback told about every commit of this process, per stream, in commit order, before the
    /// publishers' tasks complete. Called once, before the first append.
    /// </summary>
    void SetCommitObserver(Action<StreamId, IReadOnlyList<StreamEvent>> observer);

    /// <summary>Appends events to a stream (setting their sequence numbers) and completes once they are committed.</summary>
    /// <returns>The sequence number of the last event.</returns>
    Task<long> AppendAsync(StreamId stream, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxCount"/> committed events with a sequence number above <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<StreamEvent>> ReadAsync(StreamId stream, long afterSequence, int maxCount, CancellationToken cancellationToken);

    /// <summary>The smallest retained sequence number published at or after <paramref name="from"/>, or null.</summary>
    Task<long?> FindSequenceAsync(StreamId stream, DateTimeOffset from, CancellationToken cancellationToken);

    /// <summary>The stream's newest sequence number (0 when it has none).</summary>
    Task<long> GetHeadAsync(StreamId stream, CancellationToken cancellationToken);

    /// <summary>The heads of streams changed at or after <paramref name="changedSince"/>, or of all streams when null.</summary>
    Task<IReadOnlyList<StreamHead>> ReadHeadsAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken);

    /// <summary>All explicit subscriptions of this provider.</summary>
    Task<IReadOnlyList<StoredSubscription>> ReadSubscriptionsAsync(CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) a subscription together with its checkpoint, in one transaction.</summary>
    Task SaveSubscriptionAsync(StoredSubscription subscription, long position, CancellationToken cancellationToken);

    /// <summary>Removes a subscription and its checkpoint.</summary>
    Task DeleteSubscriptionAsync(StreamId stream, Guid handleId, CancellationToken cancellationToken);

    /// <summary>The checkpoints of one stream, or of all streams when null.</summary>
    Task<IReadOnlyList<StreamCheckpoint>> ReadCheckpointsAsync(StreamId? stream, CancellationToken cancellationToken);

    /// <summary>Stores positions (distinct stream/subscriber pairs), replacing older ones.</summary>
    Task SaveCheckpointsAsync(IReadOnlyList<StreamCheckpoint> checkpoints, CancellationToken cancellationToken);

    /// <summary>Records an item a subscriber gave up on.</summary>
    Task AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    /// <summary>How many dead letters the provider has.</summary>
    Task<long> CountDeadLettersAsync(CancellationToken cancellationToken);

    /// <summary>The newest dead letters, newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(int maxCount, CancellationToken cancellationToken);

    /// <summary>Removes what the ranges allow (see <see cref="TrimRange"/>); returns how many items were removed.</summary>
    Task<long> TrimAsync(IReadOnlyList<TrimRange> ranges, DateTimeOffset olderThan, CancellationToken cancellationToken);

    /// <summary>
    /// Reports commits made by other processes until cancelled: a list of changed streams, or null for "anything may
    /// have changed" (after a (re)connection). Logs with no such mechanism return at once; the provider's safety poll
    /// covers them.
    /// </summary>
    Task WatchAsync(Action<IReadOnlyList<StreamId>?> onChanged, CancellationToken cancellationToken);
}

namespace VibeCoder.Persistence.Streams;

/// <summary>
/// The dead letters of this service's AdoNet stream providers: messages whose delivery failed on every attempt or that
/// expired undelivered. Registered by <c>AddVibeCoderPersistence</c>.
/// </summary>
public interface IStreamDeadLetters
{
    /// <summary>The newest dead letters first, at most <paramref name="limit"/> (1 to 1,000).</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken ct);

    /// <summary>
    /// Queues the dead letter again as a new message of its queue (fresh attempts, delivered to the stream's
    /// subscribers as if just published) and removes it from dead letters, in one transaction.
    /// </summary>
    /// <returns>False when no dead letter has that id (already re-driven or purged).</returns>
    Task<bool> RedriveAsync(long messageId, CancellationToken ct);
}

namespace VibeCoder.Persistence.Journal;

/// <summary>
/// The append-only journal of domain events, so a job's whole story can be read back (AdoNet streams are not
/// rewindable). Registered by <c>AddVibeCoderPersistence</c> for the configured dialect.
/// </summary>
public interface IEventJournal
{
    /// <summary>Appends an event; an event whose id is already journaled is ignored (at-least-once delivery is safe).</summary>
    Task AppendAsync(JournalEntry entry, CancellationToken ct);

    /// <summary>The events matching <paramref name="query"/>, oldest first (by timestamp, then id).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not between 1 and <see cref="JournalQuery.MaxLimit"/>.</exception>
    Task<IReadOnlyList<JournalEntry>> QueryAsync(JournalQuery query, CancellationToken ct);
}

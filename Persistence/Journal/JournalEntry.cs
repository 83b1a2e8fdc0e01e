namespace VibeCoder.Persistence.Journal;

/// <summary>One domain event as the journal keeps it (the envelope of ARCHITECTURE.md, flattened).</summary>
/// <param name="Id">The event id; the journal keeps the first entry with an id and ignores repeats.</param>
/// <param name="Type">The event type, e.g. <c>carousel.completed</c>.</param>
/// <param name="Timestamp">When the event happened; stored in UTC (microseconds on PostgreSQL, 100 ns on SQLite).</param>
/// <param name="Source">The component that raised it.</param>
/// <param name="Data">The event's data as JSON text.</param>
/// <param name="CorrelationId">The id shared by every event of one job's story.</param>
/// <param name="CausationId">The id of the event that caused this one, if any.</param>
/// <param name="UserId">The user the event concerns, if any.</param>
public sealed record JournalEntry(
    string Id,
    string Type,
    DateTimeOffset Timestamp,
    string Source,
    string Data,
    string CorrelationId,
    string? CausationId,
    string? UserId);

namespace VibeCoder.Silo.Logging;

/// <summary>One log event kept for the dashboard's live tail.</summary>
/// <param name="Sequence">Increases by one per event; clients ask for events after the last they saw.</param>
/// <param name="Timestamp">When it was logged.</param>
/// <param name="Level">The level's name.</param>
/// <param name="Category">The logger's category.</param>
/// <param name="EventId">The event id (0 when none).</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception's text, or null.</param>
/// <param name="TraceId">The W3C trace id of the activity current when it was logged, or null.</param>
/// <param name="CorrelationId">The request's correlation id, or null.</param>
public sealed record LogTailEntry(
    long Sequence,
    DateTimeOffset Timestamp,
    string Level,
    string Category,
    int EventId,
    string Message,
    string? Exception,
    string? TraceId,
    string? CorrelationId);

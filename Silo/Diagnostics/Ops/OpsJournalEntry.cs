namespace VibeCoder.Silo.Diagnostics.Ops;

/// <summary>One domain event of a job's journal, as the ops page shows it (the envelope's fields).</summary>
/// <param name="EventId">The envelope's id.</param>
/// <param name="Type">The event type, e.g. <c>workflow.started</c>.</param>
/// <param name="Timestamp">When the event happened.</param>
/// <param name="Source">The envelope's source, e.g. <c>workflow</c>.</param>
/// <param name="CorrelationId">The envelope's <c>metadata.correlationId</c>, or null.</param>
/// <param name="CausationId">The envelope's <c>metadata.causationId</c>, or null.</param>
/// <param name="DataJson">The envelope's <c>data</c> as JSON text (shown as JSON when it parses, else as text).</param>
public sealed record OpsJournalEntry(
    string EventId,
    string Type,
    DateTimeOffset Timestamp,
    string Source,
    string? CorrelationId,
    string? CausationId,
    string DataJson);

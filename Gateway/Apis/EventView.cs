using System.Text.Json;
using VibeCoder.Persistence.Journal;

namespace VibeCoder.Gateway.Apis;

/// <summary>A journaled domain event as the API shows it: the envelope <c>{id, type, timestamp, source, data, metadata}</c>.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Type">The event type, e.g. <c>carousel.completed</c>.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Source">Who published it.</param>
/// <param name="Data">The payload.</param>
/// <param name="Metadata">Correlation, causation and user.</param>
public sealed record EventView(string Id, string Type, DateTimeOffset Timestamp, string Source, JsonElement Data, EventViewMetadata Metadata)
{
    /// <summary>The view of a journal row.</summary>
    public static EventView From(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var data = JsonDocument.Parse(entry.Data);
        return new EventView(
            entry.Id, entry.Type, entry.Timestamp, entry.Source, data.RootElement.Clone(),
            new EventViewMetadata(entry.CorrelationId, entry.CausationId, entry.UserId));
    }
}

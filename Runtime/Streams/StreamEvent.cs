using System.Collections.Immutable;

namespace VibeCoder.Runtime.Streams;

/// <summary>
/// One item in a stream log: its position, publication time, the item as JSON (durable logs) and/or as the published
/// object (the memory log, and recently published items of durable logs), and the publisher's request context.
/// </summary>
/// <remarks>
/// <see cref="Sequence"/> is 0 while the event waits to be appended; the log sets it once, before the commit is
/// announced, and nothing changes after that, so committed events are shared between subscribers without copying.
/// </remarks>
internal sealed class StreamEvent(DateTimeOffset timestamp, object? item, byte[]? payload, ImmutableDictionary<string, string>? headers)
{
    public long Sequence { get; set; }

    public DateTimeOffset Timestamp { get; } = timestamp;

    /// <summary>The published object, when this process published it (never for events read back from a database).</summary>
    public object? Item { get; } = item;

    /// <summary>The item's UTF-8 JSON, when stored in a database.</summary>
    public byte[]? Payload { get; } = payload;

    /// <summary>The publisher's <see cref="RequestContext"/> plus the trace parent, or null.</summary>
    public ImmutableDictionary<string, string>? Headers { get; } = headers;

    public StreamSequenceToken Token => new(Sequence, Timestamp);
}

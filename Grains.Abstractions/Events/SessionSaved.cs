using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.SessionSaved"/>: a chat session was stored.</summary>
/// <param name="ChatId">The chat (the session's key).</param>
/// <param name="State">What the bot is waiting for now, e.g. "idle", "awaiting-topic".</param>
[GenerateSerializer, Immutable, Alias("vc.SessionSaved")]
public sealed record SessionSaved(long ChatId, string State) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.SessionSaved;
}

using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.AiWisdomGenerated"/>: a short wisdom text was generated.</summary>
/// <param name="JobId">The carousel job it belongs to, if any.</param>
/// <param name="Topic">What it is about.</param>
/// <param name="Text">The text.</param>
[GenerateSerializer, Immutable, Alias("vc.AiWisdomGenerated")]
public sealed record AiWisdomGenerated(string? JobId, string Topic, string Text) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.AiWisdomGenerated;
}

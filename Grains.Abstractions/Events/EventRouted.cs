using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.EventRouted"/>: an event was forwarded to another destination.</summary>
/// <param name="EventId">The forwarded event's id.</param>
/// <param name="EventType">Its type.</param>
/// <param name="Destination">Where it went, e.g. a stream "namespace/key".</param>
[GenerateSerializer, Immutable, Alias("vc.EventRouted")]
public sealed record EventRouted(string EventId, string EventType, string Destination) : IEventPayload
{
    /// <inheritdoc />
    static string IEventPayload.EventType => EventTypes.EventRouted;
}

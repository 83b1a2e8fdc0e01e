using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Where an event belongs in its flow.</summary>
/// <param name="CorrelationId">Shared by every event one user action caused.</param>
/// <param name="CausationId">The id of the event whose handling published this one; null at the start of a flow.</param>
/// <param name="UserId">The user the flow acts for, when known.</param>
[GenerateSerializer, Immutable, Alias("vc.EventMetadata")]
public sealed record EventMetadata(string CorrelationId, string? CausationId, string? UserId);

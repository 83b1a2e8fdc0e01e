using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.MetricsCollected"/>: metrics were sampled.</summary>
/// <param name="Source">What was measured, e.g. "silo".</param>
/// <param name="Values">Metric name to value.</param>
[GenerateSerializer, Immutable, Alias("vc.MetricsCollected")]
public sealed record MetricsCollected(string Source, IReadOnlyDictionary<string, double> Values) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.MetricsCollected;
}

using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.HealthChecked"/>: a health check ran.</summary>
/// <param name="Component">What was checked, e.g. "storage-Default".</param>
/// <param name="Status">"Healthy", "Degraded" or "Unhealthy".</param>
/// <param name="Description">The check's message, if any.</param>
[GenerateSerializer, Immutable, Alias("vc.HealthChecked")]
public sealed record HealthChecked(string Component, string Status, string? Description) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.HealthChecked;
}

using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.AlertTriggered"/>: an alert fired.</summary>
/// <param name="Name">The alert, e.g. "dead-letters".</param>
/// <param name="Severity">"info", "warning" or "critical".</param>
/// <param name="Message">What happened.</param>
[GenerateSerializer, Immutable, Alias("vc.AlertTriggered")]
public sealed record AlertTriggered(string Name, string Severity, string Message) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.AlertTriggered;
}

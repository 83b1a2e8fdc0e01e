using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.WorkflowCompleted"/>: a workflow ended.</summary>
/// <param name="WorkflowId">The workflow.</param>
/// <param name="Outcome">"completed", "failed" or "cancelled".</param>
/// <param name="Duration">From start to end.</param>
/// <param name="Error">Why it failed, if it did.</param>
[GenerateSerializer, Immutable, Alias("vc.WorkflowCompleted")]
public sealed record WorkflowCompleted(string WorkflowId, string Outcome, TimeSpan Duration, string? Error) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.WorkflowCompleted;
}

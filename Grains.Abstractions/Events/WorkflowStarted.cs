using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.WorkflowStarted"/>: a workflow (saga) began.</summary>
/// <param name="WorkflowId">The workflow.</param>
/// <param name="Kind">What it does, e.g. "carousel".</param>
/// <param name="JobId">The job it drives, if any.</param>
[GenerateSerializer, Immutable, Alias("vc.WorkflowStarted")]
public sealed record WorkflowStarted(string WorkflowId, string Kind, string? JobId) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.WorkflowStarted;
}

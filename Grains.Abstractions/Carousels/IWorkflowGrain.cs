using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// The saga that drives one job: analyse → write → render → deliver → record. Each step's outcome is stored
/// before the next starts; steps are retried with backoff, guarded by a durable reminder, compensated on
/// failure, and resumed after a crash. Key: the job id.
/// </summary>
[Alias("vc.IWorkflowGrain")]
public interface IWorkflowGrain : IGrainWithStringKey
{
    /// <summary>Starts the workflow (idempotent: a second call returns the job as it is).</summary>
    [Alias("Start")]
    Task<CarouselJobSnapshot> Start(CarouselRequest request);

    /// <summary>Asks the workflow to stop at once; true when it was still running.</summary>
    [AlwaysInterleave]
    [Alias("Cancel")]
    Task<bool> Cancel();
}

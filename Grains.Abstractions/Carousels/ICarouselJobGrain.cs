using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>The record of one carousel job: request, status, content. Key: the job id.</summary>
[Alias("vc.ICarouselJobGrain")]
public interface ICarouselJobGrain : IGrainWithStringKey
{
    /// <summary>The longest <see cref="WaitUntilFinal"/> holds a call (below Orleans' 30 s response timeout).</summary>
    static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(25);

    /// <summary>Creates the record in status queued; a repeated call returns the existing record unchanged.</summary>
    [Alias("Create")]
    Task<CarouselJobSnapshot> Create(CarouselRequest request);

    /// <summary>The record, or null when no job has this id.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<CarouselJobSnapshot?> Get();

    /// <summary>
    /// The record once the job is final, or as it is after <paramref name="maxWait"/> (at most
    /// <see cref="MaxWait"/>): long-polling for callers anywhere in the cluster. Null when no job has this id.
    /// </summary>
    [AlwaysInterleave]
    [Alias("WaitUntilFinal")]
    Task<CarouselJobSnapshot?> WaitUntilFinal(TimeSpan maxWait);

    /// <summary>Applies a change; changes after a final status are ignored (returns the unchanged record).</summary>
    [Alias("Update")]
    Task<CarouselJobSnapshot> Update(JobUpdate update);
}

using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>The record of one carousel job: request, status, content. Key: the job id.</summary>
[Alias("vc.ICarouselJobGrain")]
public interface ICarouselJobGrain : IGrainWithStringKey
{
    /// <summary>Creates the record in status queued; a repeated call returns the existing record unchanged.</summary>
    [Alias("Create")]
    Task<CarouselJobSnapshot> Create(CarouselRequest request);

    /// <summary>The record, or null when no job has this id.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<CarouselJobSnapshot?> Get();

    /// <summary>Applies a change; changes after a final status are ignored (returns the unchanged record).</summary>
    [Alias("Update")]
    Task<CarouselJobSnapshot> Update(JobUpdate update);
}

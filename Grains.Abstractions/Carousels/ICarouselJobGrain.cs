namespace VibeCoder.Grains.Carousels;

/// <summary>The record of one carousel job: request, status, content. Key: the job id.</summary>
public interface ICarouselJobGrain : VibeCoder.Runtime.IGrainWithStringKey
{
    /// <summary>Creates the record in status queued; a repeated call returns the existing record unchanged.</summary>
    Task<CarouselJobSnapshot> Create(CarouselRequest request);

    /// <summary>The record, or null when no job has this id.</summary>
    [VibeCoder.Runtime.ReadOnly]
    Task<CarouselJobSnapshot?> Get();

    /// <summary>Applies a change; changes after a final status are ignored (returns the unchanged record).</summary>
    Task<CarouselJobSnapshot> Update(JobUpdate update);
}

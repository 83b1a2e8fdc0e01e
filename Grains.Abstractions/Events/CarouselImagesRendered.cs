using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.CarouselImagesRendered"/>: the slide images are rendered.</summary>
/// <param name="JobId">The carousel job.</param>
/// <param name="ImageCount">How many PNGs.</param>
/// <param name="TotalBytes">Their total size.</param>
/// <param name="Duration">How long rendering took.</param>
[GenerateSerializer, Immutable, Alias("vc.CarouselImagesRendered")]
public sealed record CarouselImagesRendered(string JobId, int ImageCount, long TotalBytes, TimeSpan Duration) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.CarouselImagesRendered;
}

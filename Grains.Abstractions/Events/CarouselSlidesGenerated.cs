using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.CarouselSlidesGenerated"/>: the slide texts are written.</summary>
/// <param name="JobId">The carousel job.</param>
/// <param name="Title">The carousel's title.</param>
/// <param name="SlideCount">How many slides were written.</param>
[GenerateSerializer, Immutable, Alias("vc.CarouselSlidesGenerated")]
public sealed record CarouselSlidesGenerated(string JobId, string Title, int SlideCount) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.CarouselSlidesGenerated;
}

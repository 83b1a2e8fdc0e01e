using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.CarouselCompleted"/>: the carousel was delivered.</summary>
/// <param name="JobId">The carousel job.</param>
/// <param name="UserId">Who asked, when known.</param>
/// <param name="SlideCount">How many slides it has.</param>
/// <param name="Duration">From request to delivery.</param>
[GenerateSerializer, Immutable, Alias("vc.CarouselCompleted")]
public sealed record CarouselCompleted(string JobId, string? UserId, int SlideCount, TimeSpan Duration) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.CarouselCompleted;
}

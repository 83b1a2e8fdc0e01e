using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.CarouselContentAnalyzed"/>: the topic was analysed into a plan.</summary>
/// <param name="JobId">The carousel job.</param>
/// <param name="Title">The carousel's title.</param>
/// <param name="SlideCount">How many slides the plan has.</param>
/// <param name="Language">The language chosen: "ru" or "en".</param>
[GenerateSerializer, Immutable, Alias("vc.CarouselContentAnalyzed")]
public sealed record CarouselContentAnalyzed(string JobId, string Title, int SlideCount, string Language) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.CarouselContentAnalyzed;
}

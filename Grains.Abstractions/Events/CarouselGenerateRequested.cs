using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.CarouselGenerateRequested"/>: a carousel was asked for.</summary>
/// <param name="JobId">The carousel job.</param>
/// <param name="UserId">Who asked, when known (Telegram user id or API caller).</param>
/// <param name="Topic">The topic.</param>
/// <param name="SlideCount">How many slides (3–20).</param>
/// <param name="Theme">The theme name.</param>
/// <param name="Language">"ru", "en" or "auto".</param>
[GenerateSerializer, Immutable, Alias("vc.CarouselGenerateRequested")]
public sealed record CarouselGenerateRequested(string JobId, string? UserId, string Topic, int SlideCount, string Theme, string Language) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.CarouselGenerateRequested;
}

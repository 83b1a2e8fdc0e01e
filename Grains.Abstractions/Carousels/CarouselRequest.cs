using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>A validated request for one carousel.</summary>
/// <param name="Topic">The normalised topic (3–500 characters).</param>
/// <param name="SlideCount">Slides including cover and call to action (3–20).</param>
/// <param name="Language">"ru", "en" or "auto".</param>
/// <param name="Design">How to draw it.</param>
/// <param name="UserId">The requesting user, or null for an anonymous API call.</param>
/// <param name="Delivery">Where to send the result, or null when the caller fetches it over HTTP.</param>
[GenerateSerializer, Immutable, Alias("vc.CarouselRequest")]
public sealed record CarouselRequest(
    string Topic,
    int SlideCount,
    string Language,
    RenderOptions Design,
    string? UserId,
    DeliveryTarget? Delivery);

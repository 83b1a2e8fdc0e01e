using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>The written carousel: slides in order, the post caption and its hashtags.</summary>
/// <param name="Title">The carousel's title (usually the cover heading).</param>
/// <param name="Slides">The slides, cover first, call to action last.</param>
/// <param name="Caption">The Instagram caption, at most 2,200 characters.</param>
/// <param name="Hashtags">At most five hashtags, each starting with '#'.</param>
/// <param name="Language">The language written in: "ru" or "en".</param>
[GenerateSerializer, Immutable, Alias("vc.CarouselContent")]
public sealed record CarouselContent(
    string Title,
    IReadOnlyList<SlideContent> Slides,
    string Caption,
    IReadOnlyList<string> Hashtags,
    string Language);

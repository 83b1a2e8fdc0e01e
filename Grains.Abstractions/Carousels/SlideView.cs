using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>One slide as the API shows it.</summary>
/// <param name="Index">1-based position.</param>
/// <param name="Kind">The slide's role.</param>
/// <param name="Heading">Its headline.</param>
/// <param name="Body">Its text.</param>
/// <param name="ImageKey">
/// Names the slide's image: it changes exactly when the drawn image does (new words, another position or slide count),
/// so it serves as a cache key and tells an edit which slides to draw and send again. See <see cref="SlideImageKey"/>.
/// </param>
[GenerateSerializer, Immutable, Alias("vc.SlideView")]
public sealed record SlideView(int Index, SlideKind Kind, string Heading, string Body, string ImageKey = "");

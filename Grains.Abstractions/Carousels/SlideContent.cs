using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>The words of one slide.</summary>
/// <param name="Kind">The slide's role and layout.</param>
/// <param name="Heading">The short headline.</param>
/// <param name="Body">The text under it; for <see cref="SlideKind.List"/>, one item per line.</param>
[GenerateSerializer, Immutable, Alias("vc.SlideContent")]
public sealed record SlideContent(SlideKind Kind, string Heading, string Body);

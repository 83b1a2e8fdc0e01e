using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>Optional brand colours that override a theme's; each is a "#rrggbb" hex string or null.</summary>
/// <param name="Background">The slide background.</param>
/// <param name="Text">The main text colour.</param>
/// <param name="Accent">Headings, bars and the page indicator.</param>
[GenerateSerializer, Immutable, Alias("vc.BrandColors")]
public sealed record BrandColors(string? Background, string? Text, string? Accent);

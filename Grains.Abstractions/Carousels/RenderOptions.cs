using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>How to draw a carousel.</summary>
/// <param name="Theme">A theme name known to the renderer (e.g. "midnight").</param>
/// <param name="Size">The slide size.</param>
/// <param name="FooterHandle">A handle such as "@vibecoder" shown in every slide's footer, or null.</param>
/// <param name="Brand">Brand colours overriding the theme's, or null.</param>
/// <param name="Kit">
/// The user's brand kit as it was when the carousel started (colours, fonts, name, handle, logo, switches); its
/// colours win over <paramref name="Brand"/>. Null: the theme (and <paramref name="Brand"/>) alone.
/// </param>
/// <param name="Background">
/// The user's own photo behind the cover (or every slide), or null for the theme's (or kit's) background.
/// </param>
[GenerateSerializer, Immutable, Alias("vc.RenderOptions")]
public sealed record RenderOptions(string Theme, SlideSize Size, string? FooterHandle, BrandColors? Brand, BrandKit? Kit = null, SlideBackground? Background = null);

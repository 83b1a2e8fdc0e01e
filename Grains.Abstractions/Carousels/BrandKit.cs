using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// A user's brand kit: who they are, their colours and fonts, and what shows on every slide. Kept in the user's
/// grain and copied into each new carousel's design when its workflow starts, so a later change leaves running and
/// finished carousels as they were.
/// </summary>
/// <param name="DisplayName">The name shown in the footer and on the cover, or null.</param>
/// <param name="Handle">A handle such as "@vibecoder"; replaces the settings' footer handle when set.</param>
/// <param name="LogoHash">The lower-case SHA-256 hex of the logo PNG stored by <c>IBrandImageGrain</c>, or null.</param>
/// <param name="PrimaryColor">"#rrggbb" for headings and body text (the theme's text colour), or null.</param>
/// <param name="AccentColor">"#rrggbb" for bars, shapes and the page indicator, or null.</param>
/// <param name="BackgroundColor">"#rrggbb" for the slide background, or null.</param>
/// <param name="HeadingFont">A font id of the renderer's curated list (e.g. "serif") for headings, or null for the theme's.</param>
/// <param name="BodyFont">A font id of the curated list for body text, or null for the theme's.</param>
/// <param name="ShowName">Show <paramref name="DisplayName"/> in the footer.</param>
/// <param name="ShowHandle">Show the handle in the footer.</param>
/// <param name="ShowLogo">Show the logo in the footer and on the cover.</param>
/// <param name="ShowPageNumbers">Show "3/7" in the footer.</param>
/// <remarks>New members go at the end with defaults (docs/orleans.md): e.g. a default background image.</remarks>
[GenerateSerializer, Immutable, Alias("vc.BrandKit")]
public sealed record BrandKit(
    string? DisplayName = null,
    string? Handle = null,
    string? LogoHash = null,
    string? PrimaryColor = null,
    string? AccentColor = null,
    string? BackgroundColor = null,
    string? HeadingFont = null,
    string? BodyFont = null,
    bool ShowName = true,
    bool ShowHandle = true,
    bool ShowLogo = true,
    bool ShowPageNumbers = true)
{
    /// <summary>The kit of a user who set nothing: slides look like the theme.</summary>
    public static BrandKit Empty { get; } = new();

    /// <summary>The longest display name, in characters.</summary>
    public const int MaxDisplayNameLength = 40;

    /// <summary>The longest handle, in characters.</summary>
    public const int MaxHandleLength = 40;
}

namespace VibeCoder.Rendering.Themes;

/// <summary>A named look for slides: colours and typefaces.</summary>
/// <param name="Name">The name users pick it by (lower case).</param>
/// <param name="Background">The background at the top-left corner.</param>
/// <param name="BackgroundEnd">The background at the bottom-right corner (a soft diagonal gradient).</param>
/// <param name="Text">Headings and body text.</param>
/// <param name="Muted">Secondary text: subtitles, attributions, the footer.</param>
/// <param name="Accent">Bars, shapes, numbers and the page indicator.</param>
/// <param name="OnAccent">Text drawn on the accent colour.</param>
/// <param name="HeadingFamily">The font family list (fallback order) for headings.</param>
/// <param name="BodyFamily">The font family list (fallback order) for body text.</param>
/// <param name="QuoteFamily">The font family list (fallback order) for quotations.</param>
public sealed record SlideTheme(
    string Name,
    RgbColor Background,
    RgbColor BackgroundEnd,
    RgbColor Text,
    RgbColor Muted,
    RgbColor Accent,
    RgbColor OnAccent,
    string HeadingFamily,
    string BodyFamily,
    string QuoteFamily);

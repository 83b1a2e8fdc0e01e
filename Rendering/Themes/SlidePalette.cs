using VibeCoder.Grains.Carousels;

namespace VibeCoder.Rendering.Themes;

/// <summary>
/// The colours and typefaces one carousel is drawn with: a theme with the user's brand colours laid over it.
/// Colours the brand does not name are derived from the ones it does, so a brand background never leaves
/// theme-coloured text unreadable on it.
/// </summary>
internal sealed record SlidePalette(
    RgbColor Background,
    RgbColor BackgroundEnd,
    RgbColor Text,
    RgbColor Muted,
    RgbColor Accent,
    RgbColor OnAccent,
    string HeadingFamily,
    string BodyFamily,
    string QuoteFamily)
{
    private static readonly RgbColor White = new(255, 255, 255);

    /// <summary>
    /// How strongly to draw accent glows, 0.3–1: a grey or black accent glows as a dirty smudge, so glows fade
    /// with the accent's saturation.
    /// </summary>
    public double GlowStrength
    {
        get
        {
            int max = Math.Max(Accent.R, Math.Max(Accent.G, Accent.B));
            int min = Math.Min(Accent.R, Math.Min(Accent.G, Accent.B));
            double saturation = max == 0 ? 0 : (max - min) / (double)max;
            return 0.3 + (0.7 * saturation);
        }
    }
    private static readonly RgbColor Ink = new(10, 10, 14);

    /// <summary>Resolves the palette for a theme and optional brand colours.</summary>
    /// <exception cref="ArgumentException">A brand colour is not "#rrggbb".</exception>
    public static SlidePalette Create(SlideTheme theme, BrandColors? brand)
    {
        if (brand is null)
        {
            return new SlidePalette(theme.Background, theme.BackgroundEnd, theme.Text, theme.Muted, theme.Accent,
                theme.OnAccent, theme.HeadingFamily, theme.BodyFamily, theme.QuoteFamily);
        }

        RgbColor? background = Parse(brand.Background, "Brand.Background");
        RgbColor? text = Parse(brand.Text, "Brand.Text");
        RgbColor? accent = Parse(brand.Accent, "Brand.Accent");

        RgbColor resolvedBackground = background ?? theme.Background;
        RgbColor resolvedText = text ?? (background is null ? theme.Text : Readable(resolvedBackground));
        RgbColor resolvedAccent = accent ?? theme.Accent;

        // A brand background keeps its exact colour at the top-left and drifts slightly towards the accent.
        RgbColor backgroundEnd = background is null ? theme.BackgroundEnd : resolvedBackground.Mix(resolvedAccent, 0.12);
        RgbColor muted = text is null && background is null ? theme.Muted : resolvedText.Mix(resolvedBackground, 0.38);
        RgbColor onAccent = accent is null ? theme.OnAccent : Readable(resolvedAccent);

        return new SlidePalette(resolvedBackground, backgroundEnd, resolvedText, muted, resolvedAccent, onAccent,
            theme.HeadingFamily, theme.BodyFamily, theme.QuoteFamily);
    }

    private static RgbColor? Parse(string? hex, string name) => hex is null ? null : RgbColor.ParseHex(hex, name);

    private static RgbColor Readable(RgbColor background) => background.Luminance > 0.4 ? Ink : White;
}

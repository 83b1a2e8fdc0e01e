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
    public static SlidePalette Create(SlideTheme theme, BrandColors? brand) => Create(theme, brand, kit: null);

    /// <summary>
    /// Resolves the palette for a theme, optional brand colours and an optional brand kit. The kit's colours win over
    /// <paramref name="brand"/>'s (primary is the text colour) and its fonts replace the theme's. Whenever a brand
    /// colour is in play, text is checked against the background it sits on (<see cref="Contrast"/>): text below
    /// 4.5:1 flips to black or white, secondary text is mixed no further towards the background than stays readable,
    /// and text on the accent colour gets black or white.
    /// </summary>
    /// <exception cref="ArgumentException">A brand colour is not "#rrggbb" or a font id is not offered.</exception>
    public static SlidePalette Create(SlideTheme theme, BrandColors? brand, BrandKit? kit)
    {
        string headingFamily = Font(kit?.HeadingFont, "Kit.HeadingFont") ?? theme.HeadingFamily;
        string bodyFamily = Font(kit?.BodyFont, "Kit.BodyFont") ?? theme.BodyFamily;
        string quoteFamily = Font(kit?.BodyFont, "Kit.BodyFont") ?? theme.QuoteFamily;

        RgbColor? background = Parse(kit?.BackgroundColor, "Kit.BackgroundColor") ?? Parse(brand?.Background, "Brand.Background");
        RgbColor? text = Parse(kit?.PrimaryColor, "Kit.PrimaryColor") ?? Parse(brand?.Text, "Brand.Text");
        RgbColor? accent = Parse(kit?.AccentColor, "Kit.AccentColor") ?? Parse(brand?.Accent, "Brand.Accent");
        if (background is null && text is null && accent is null)
        {
            return new SlidePalette(theme.Background, theme.BackgroundEnd, theme.Text, theme.Muted, theme.Accent,
                theme.OnAccent, headingFamily, bodyFamily, quoteFamily);
        }

        RgbColor resolvedBackground = background ?? theme.Background;
        RgbColor resolvedAccent = accent ?? theme.Accent;

        // A brand background keeps its exact colour at the top-left and drifts slightly towards the accent.
        RgbColor backgroundEnd = background is null ? theme.BackgroundEnd : resolvedBackground.Mix(resolvedAccent, 0.12);
        RgbColor wantedText = text ?? (background is null ? theme.Text : Readable(resolvedBackground));
        RgbColor resolvedText = Contrast.Readable(wantedText, resolvedBackground, backgroundEnd);
        RgbColor muted = text is null && background is null
            ? Contrast.Readable(theme.Muted, resolvedBackground, backgroundEnd)
            : ReadableMuted(resolvedText, resolvedBackground, backgroundEnd);
        RgbColor onAccent = Contrast.Readable(accent is null ? theme.OnAccent : Readable(resolvedAccent), resolvedAccent);

        return new SlidePalette(resolvedBackground, backgroundEnd, resolvedText, muted, resolvedAccent, onAccent,
            headingFamily, bodyFamily, quoteFamily);
    }

    /// <summary>
    /// This palette for a slide drawn over a photo whose overlay leaves at most <paramref name="brightest"/> behind any
    /// text (a white photo under the overlay; <see cref="Contrast.Black"/> stands for a black one): the text colour is
    /// kept when it reads on both, else it becomes white or black; secondary text fades only as far as stays readable.
    /// Accent shapes and the text on them are opaque, so they keep their colours.
    /// </summary>
    public SlidePalette OverPhoto(RgbColor brightest)
    {
        RgbColor text = Contrast.Readable(Text, brightest, Contrast.Black);
        RgbColor muted = ReadableMuted(text, brightest, Contrast.Black);
        return this with { Background = Contrast.Black, BackgroundEnd = brightest, Text = text, Muted = muted };
    }

    // Secondary text is the text colour faded towards the background, but only as far as it stays readable body text.
    private static RgbColor ReadableMuted(RgbColor text, RgbColor background, RgbColor backgroundEnd)
    {
        for (double amount = 0.38; amount > 0; amount -= 0.04)
        {
            RgbColor candidate = text.Mix(background, amount);
            if (Contrast.Worst(candidate, [background, backgroundEnd]) >= Contrast.MinimumForText)
            {
                return candidate;
            }
        }

        return text;
    }

    private static string? Font(string? id, string name)
    {
        if (id is null)
        {
            return null;
        }

        return BrandFonts.TryGet(id, out BrandFont? font)
            ? font.Families
            : throw new ArgumentException(
                $"{name} '{id[..Math.Min(id.Length, 32)]}' is not an offered font; choose one of {string.Join(", ", BrandFonts.Offered.Select(f => f.Id))}.",
                name);
    }

    private static RgbColor? Parse(string? hex, string name) => hex is null ? null : RgbColor.ParseHex(hex, name);

    private static RgbColor Readable(RgbColor background) => background.Luminance > 0.4 ? Ink : White;
}

namespace VibeCoder.Rendering.Themes;

/// <summary>
/// WCAG 2 contrast: the ratio (L1 + 0.05) / (L2 + 0.05) of two relative luminances, from 1 (same colour) to 21
/// (black on white). Body text needs at least <see cref="MinimumForText"/> (WCAG AA).
/// </summary>
public static class Contrast
{
    /// <summary>The ratio body text must reach against its background (WCAG AA, normal text).</summary>
    public const double MinimumForText = 4.5;

    /// <summary>Black.</summary>
    public static readonly RgbColor Black = new(0, 0, 0);

    /// <summary>White.</summary>
    public static readonly RgbColor White = new(255, 255, 255);

    /// <summary>The contrast ratio of two colours, 1–21, the same whichever comes first.</summary>
    public static double Ratio(RgbColor a, RgbColor b)
    {
        double la = a.Luminance;
        double lb = b.Luminance;
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>
    /// <paramref name="text"/> when it reaches <see cref="MinimumForText"/> against every one of
    /// <paramref name="backgrounds"/>; otherwise black or white, whichever has the better worst-case contrast.
    /// </summary>
    public static RgbColor Readable(RgbColor text, params ReadOnlySpan<RgbColor> backgrounds)
    {
        if (Worst(text, backgrounds) >= MinimumForText)
        {
            return text;
        }

        return Worst(Black, backgrounds) >= Worst(White, backgrounds) ? Black : White;
    }

    /// <summary>The lowest contrast of <paramref name="text"/> against any of <paramref name="backgrounds"/>.</summary>
    public static double Worst(RgbColor text, ReadOnlySpan<RgbColor> backgrounds)
    {
        double worst = double.MaxValue;
        foreach (RgbColor background in backgrounds)
        {
            worst = Math.Min(worst, Ratio(text, background));
        }

        return worst;
    }
}

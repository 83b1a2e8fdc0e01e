using VibeCoder.Rendering.Text;

namespace VibeCoder.Rendering.Layouts;

/// <summary>The header of content and list slides: the point number in the accent colour and a thin rule after it.</summary>
internal static class PointHeader
{
    /// <summary>Draws the header with its top at <paramref name="top"/>; returns its bottom edge.</summary>
    public static double Paint(SlideCanvas canvas, SlidePage page, double top)
    {
        var palette = canvas.Palette;
        PixelRect safe = canvas.SafeArea;
        double size = 96 * Math.Sqrt(canvas.Scale);
        var style = new TextStyle(palette.HeadingFamily, 700, size, size, MaxLines: 1, Condensed: true);

        FittedText number = canvas.Fit(page.PointLabel, style, 300, size * 2);
        PixelRect drawn = canvas.DrawText(number, safe.X - number.Inset - number.Extents.X, top, palette.Accent);

        // The rule sits on the number's optical middle and runs to the right margin.
        double ruleLeft = drawn.Right + 32;
        double ruleY = top + (number.Height * 0.55);
        canvas.FillRoundedRect(ruleLeft, ruleY - 2, safe.Right - ruleLeft, 4, 2, palette.Accent, 0.45);
        return top + number.Height;
    }
}

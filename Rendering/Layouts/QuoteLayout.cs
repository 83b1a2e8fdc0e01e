using VibeCoder.Rendering.Text;

namespace VibeCoder.Rendering.Layouts;

/// <summary>
/// A quotation: a large accent quote mark, the words in serif italic, and the attribution after a short rule.
/// The body is the quotation and the heading the attribution; a slide with only a heading quotes the heading.
/// </summary>
internal static class QuoteLayout
{
    public static void Paint(SlideCanvas canvas, SlidePage page, double contentBottom)
    {
        var palette = canvas.Palette;
        PixelRect safe = canvas.SafeArea;
        double scale = canvas.Scale;

        canvas.StrokeCircle(canvas.Width * 0.92, canvas.Height * 0.78, 250 * scale, 3, palette.Accent, 0.35);

        string quote = page.Body.Length > 0 ? page.Body : page.Heading;
        string attribution = page.Body.Length > 0 ? page.Heading : string.Empty;

        double markSize = 150 * scale;
        const double markGap = 56;
        const double attributionGap = 56;
        var quoteStyle = new TextStyle(palette.QuoteFamily, 400, 64 * Math.Sqrt(scale), 30, LineSpacing: 1.28f, Italic: true);
        var attributionStyle = new TextStyle(palette.BodyFamily, 700, 34, 26, MaxLines: 2);

        double available = contentBottom - safe.Y - markSize - markGap;
        FittedText by = canvas.Fit(attribution, attributionStyle, safe.Width - 96, 100);
        double byHeight = by.IsEmpty ? 0 : by.Height + attributionGap;
        FittedText words = canvas.Fit(quote, quoteStyle, safe.Width, available - byHeight);

        // Centre the whole group (mark, quote, attribution) in the content area.
        double groupHeight = markSize + markGap + words.Height + byHeight;
        double top = safe.Y + Math.Max(0, (contentBottom - safe.Y - groupHeight) / 2);

        Shapes.QuoteMark(canvas, safe.X, top, markSize, palette.Accent);
        double wordsTop = top + markSize + markGap;
        canvas.DrawText(words, safe.X, wordsTop, palette.Text);
        if (!by.IsEmpty)
        {
            double byTop = wordsTop + words.Height + attributionGap;
            canvas.FillRoundedRect(safe.X, byTop + (by.Height / 2.0) - 3, 64, 6, 3, palette.Accent);
            canvas.DrawText(by, safe.X + 96, byTop, palette.Muted);
        }
    }
}

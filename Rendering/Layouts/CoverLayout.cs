using VibeCoder.Rendering.Text;

namespace VibeCoder.Rendering.Layouts;

/// <summary>
/// The hook: a bold accent shape at the top, a very large heading anchored low with a subtitle under it, and a
/// "Swipe →" pill inviting the next slide.
/// </summary>
internal static class CoverLayout
{
    public static void Paint(SlideCanvas canvas, SlidePage page, double contentBottom)
    {
        var palette = canvas.Palette;
        PixelRect safe = canvas.SafeArea;
        double scale = canvas.Scale;

        // Decoration: a large accent disc bleeding off the top-right corner, an echoing ring and a dot texture.
        // Square slides have less height to spare, so the decoration shrinks faster than the slide.
        double discScale = scale * scale;
        double discCenterY = 190 * discScale;
        double discRadius = 230 * discScale;
        if (page.Photo is null)
        {
            // Over the user's own photo the disc would hide part of it; the layout keeps its room all the same.
            canvas.FillCircle(canvas.Width - 70, discCenterY, discRadius, palette.Accent);
            canvas.StrokeCircle(canvas.Width - 70, discCenterY, discRadius * 1.3, 3, palette.Accent, 0.55);
        }

        if (page.Logo is { } logo)
        {
            // The brand's logo takes the dot texture's corner: the cover says whose carousel this is.
            canvas.DrawImage(logo, safe.X, safe.Y, 132 * scale);
        }
        else
        {
            canvas.DotGrid(safe.X + 6, safe.Y + 10, 6, 4, 30, 4, palette.Text, 0.3);
        }

        // "Swipe" only when there is a next slide to swipe to.
        double bottom = page.Number < page.Count ? PaintSwipePill(canvas, page, contentBottom) - (72 * scale) : contentBottom;
        double top = Math.Max(canvas.Height * 0.3, discCenterY + discRadius + 40);
        const double barHeight = 14;
        const double barGap = 40;
        const double headingGap = 32;
        double available = bottom - top - barHeight - barGap;

        var headingStyle = new TextStyle(palette.HeadingFamily, 700, 124 * Math.Sqrt(scale), 52, LineSpacing: 1.02f, Condensed: true);
        var bodyStyle = new TextStyle(palette.BodyFamily, 400, 44, 28, LineSpacing: 1.3f);

        double headingShare = page.Body.Length == 0 ? 1 : 0.68;
        FittedText heading = canvas.Fit(page.Heading, headingStyle, safe.Width, available * headingShare);
        double bodyRoom = available - heading.Height - (page.Body.Length == 0 ? 0 : headingGap);
        FittedText body = canvas.Fit(page.Body, bodyStyle, safe.Width * 0.92, bodyRoom);

        double bodyTop = bottom - body.Height;
        double headingTop = bodyTop - (body.IsEmpty ? 0 : headingGap) - heading.Height;
        double barTop = headingTop - barGap - barHeight;

        canvas.FillRoundedRect(safe.X, barTop, 120, barHeight, barHeight / 2, palette.Accent);
        canvas.DrawText(heading, safe.X, headingTop, palette.Text);
        canvas.DrawText(body, safe.X, bodyTop, palette.Muted);
    }

    // A pill-shaped "Swipe →" at the bottom right of the content area; returns its top edge.
    private static double PaintSwipePill(SlideCanvas canvas, SlidePage page, double contentBottom)
    {
        var palette = canvas.Palette;
        PixelRect safe = canvas.SafeArea;
        const double height = 76;
        const double padding = 34;
        const double arrowLength = 34;
        const double arrowGap = 18;
        var style = new TextStyle(palette.BodyFamily, 700, 30, 30, MaxLines: 1);

        FittedText label = canvas.Fit(page.SwipeLabel, style, 360, height);
        double width = padding + label.Width + arrowGap + arrowLength + padding;
        double left = safe.Right - width;
        double top = contentBottom - height;
        canvas.FillRoundedRect(left, top, width, height, height / 2, palette.Accent);
        canvas.DrawText(label, left + padding - label.Inset - label.Extents.X, top + ((height - label.Height) / 2), palette.OnAccent);
        Shapes.Arrow(canvas, left + padding + label.Width + arrowGap, top + (height / 2), arrowLength, 4, palette.OnAccent);
        return top;
    }
}

using VibeCoder.Rendering.Text;

namespace VibeCoder.Rendering.Layouts;

/// <summary>A point: a large accent number with a rule, the heading, then the paragraph.</summary>
internal static class ContentLayout
{
    public static void Paint(SlideCanvas canvas, SlidePage page, double contentBottom)
    {
        var palette = canvas.Palette;
        PixelRect safe = canvas.SafeArea;
        double scale = canvas.Scale;

        double top = safe.Y;
        double numberBottom = PointHeader.Paint(canvas, page, top);

        const double headingGap = 44;
        const double bodyGap = 36;
        double available = contentBottom - numberBottom - headingGap;
        var headingStyle = new TextStyle(palette.HeadingFamily, 700, 80 * Math.Sqrt(scale), 40, LineSpacing: 1.05f, Condensed: true);
        var bodyStyle = new TextStyle(palette.BodyFamily, 400, 46 * Math.Sqrt(scale), 24, LineSpacing: 1.38f);

        FittedText heading = canvas.Fit(page.Heading, headingStyle, safe.Width, page.Body.Length == 0 ? available : available * 0.42);
        double headingTop = numberBottom + headingGap;
        canvas.DrawText(heading, safe.X, headingTop, palette.Text);

        double bodyTop = headingTop + heading.Height + bodyGap;
        PixelRect body = canvas.FitAndDraw(page.Body, bodyStyle, safe.X, bodyTop, safe.Width, contentBottom - bodyTop, palette.Text, 0.86);

        // A dot texture in the empty bottom-right corner, only when the paragraph leaves that corner empty.
        const int columns = 6;
        const int rows = 4;
        const double spacing = 30;
        var dots = new PixelRect((int)(safe.Right - ((columns - 1) * spacing)), (int)(contentBottom - ((rows - 1) * spacing)), (int)((columns - 1) * spacing) + 8, (int)((rows - 1) * spacing) + 8);
        if (dots.Y > body.Bottom + 24 || body.IsEmpty)
        {
            canvas.DotGrid(dots.X + 4, dots.Y + 4, columns, rows, spacing, 3.5, palette.Accent, 0.35);
        }
    }
}

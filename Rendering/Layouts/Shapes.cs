using SkiaSharp;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Rendering.Layouts;

/// <summary>Small vector icons and marks. Drawn as paths, not glyphs, so they look the same with any font set.</summary>
internal static class Shapes
{
    /// <summary>A right arrow whose shaft starts at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static void Arrow(SlideCanvas canvas, double x, double y, double length, double lineWidth, RgbColor color)
    {
        double head = length * 0.38;
        using var path = new SKPathBuilder();
        path.MoveTo(P(x, y));
        path.LineTo(P(x + length, y));
        path.MoveTo(P(x + length - head, y - head));
        path.LineTo(P(x + length, y));
        path.LineTo(P(x + length - head, y + head));
        canvas.StrokePath(path, lineWidth, color);
    }

    /// <summary>An opening quotation mark (two "6"-shaped commas), <paramref name="size"/> pixels tall.</summary>
    public static void QuoteMark(SlideCanvas canvas, double x, double y, double size, RgbColor color, double alpha = 1)
    {
        double radius = size * 0.26;
        double gap = size * 0.16;
        OpeningComma(canvas, x, y, radius, size, color, alpha);
        OpeningComma(canvas, x + (2 * radius) + gap, y, radius, size, color, alpha);
    }

    /// <summary>A bookmark ribbon centred on (<paramref name="centerX"/>, <paramref name="centerY"/>).</summary>
    public static void Bookmark(SlideCanvas canvas, double centerX, double centerY, double height, double lineWidth, RgbColor color)
    {
        double width = height * 0.72;
        double left = centerX - (width / 2);
        double top = centerY - (height / 2);
        using var path = new SKPathBuilder();
        path.MoveTo(P(left, top));
        path.LineTo(P(left + width, top));
        path.LineTo(P(left + width, top + height));
        path.LineTo(P(centerX, top + (height * 0.72)));
        path.LineTo(P(left, top + height));
        path.Close();
        canvas.StrokePath(path, lineWidth, color);
    }

    /// <summary>An outlined heart centred on (<paramref name="centerX"/>, <paramref name="centerY"/>).</summary>
    public static void Heart(SlideCanvas canvas, double centerX, double centerY, double size, double lineWidth, RgbColor color)
    {
        double half = size / 2;
        double top = centerY - (size * 0.32);
        double bottom = centerY + (size * 0.48);
        using var path = new SKPathBuilder();
        path.MoveTo(P(centerX, bottom));
        path.CubicTo(P(centerX - (half * 0.35), bottom - (size * 0.22)), P(centerX - half, centerY + (size * 0.1)), P(centerX - half, top + (size * 0.08)));
        path.CubicTo(P(centerX - half, top - (size * 0.2)), P(centerX - (half * 0.2), top - (size * 0.28)), P(centerX, top + (size * 0.04)));
        path.CubicTo(P(centerX + (half * 0.2), top - (size * 0.28)), P(centerX + half, top - (size * 0.2)), P(centerX + half, top + (size * 0.08)));
        path.CubicTo(P(centerX + half, centerY + (size * 0.1)), P(centerX + (half * 0.35), bottom - (size * 0.22)), P(centerX, bottom));
        path.Close();
        canvas.StrokePath(path, lineWidth, color);
    }

    /// <summary>A paper plane ("send") centred on (<paramref name="centerX"/>, <paramref name="centerY"/>).</summary>
    public static void PaperPlane(SlideCanvas canvas, double centerX, double centerY, double size, double lineWidth, RgbColor color)
    {
        double half = size / 2;
        using var path = new SKPathBuilder();
        path.MoveTo(P(centerX - half, centerY - (half * 0.15)));
        path.LineTo(P(centerX + half, centerY - half));
        path.LineTo(P(centerX + (half * 0.1), centerY + half));
        path.LineTo(P(centerX - (half * 0.12), centerY + (half * 0.05)));
        path.Close();
        path.MoveTo(P(centerX - (half * 0.12), centerY + (half * 0.05)));
        path.LineTo(P(centerX + half, centerY - half));
        canvas.StrokePath(path, lineWidth, color);
    }

    /// <summary>A speech bubble centred on (<paramref name="centerX"/>, <paramref name="centerY"/>).</summary>
    public static void Bubble(SlideCanvas canvas, double centerX, double centerY, double size, double lineWidth, RgbColor color)
    {
        double radius = size * 0.46;
        using var path = new SKPathBuilder();

        // From 135° clockwise round to 468° (= 108°): an open circle whose gap at the lower left becomes the tail.
        path.ArcTo(Oval(centerX, centerY, radius), 135, 333, forceMoveTo: true);
        path.LineTo(P(centerX - (radius * 1.05), centerY + (radius * 1.05)));
        path.Close();
        canvas.StrokePath(path, lineWidth, color);
    }

    // A filled circle with a tail sweeping up and to the right: the shape of a typographic "6" comma.
    private static void OpeningComma(SlideCanvas canvas, double x, double y, double radius, double size, RgbColor color, double alpha)
    {
        double centerX = x + radius;
        double centerY = y + size - radius;
        using var path = new SKPathBuilder();
        path.AddCircle((float)centerX, (float)centerY, (float)radius, SKPathDirection.Clockwise);
        canvas.FillPath(path, color, alpha);

        path.Reset();
        path.MoveTo(P(x, centerY));
        path.CubicTo(P(x, y + (size * 0.3)), P(x + (radius * 0.9), y + (size * 0.04)), P(x + (radius * 2.1), y));
        path.LineTo(P(x + (radius * 2.1), y + (size * 0.13)));
        path.CubicTo(P(x + (radius * 1.3), y + (size * 0.2)), P(x + (radius * 0.95), y + (size * 0.36)), P(centerX, centerY - radius));
        path.LineTo(P(centerX, centerY));
        path.Close();
        canvas.FillPath(path, color, alpha);
    }

    private static SKPoint P(double x, double y) => new((float)x, (float)y);

    private static SKRect Oval(double centerX, double centerY, double radius) =>
        new((float)(centerX - radius), (float)(centerY - radius), (float)(centerX + radius), (float)(centerY + radius));
}

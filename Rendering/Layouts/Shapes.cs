using VibeCoder.Rendering.Native;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Rendering.Layouts;

/// <summary>Small vector icons and marks. Drawn as paths, not glyphs, so they look the same with any font set.</summary>
internal static class Shapes
{
    /// <summary>A right arrow whose shaft starts at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static void Arrow(SlideCanvas canvas, double x, double y, double length, double lineWidth, RgbColor color)
    {
        nint cr = canvas.Context;
        double head = length * 0.38;
        canvas.BeginStroke(lineWidth, color);
        Cairo.MoveTo(cr, x, y);
        Cairo.LineTo(cr, x + length, y);
        Cairo.MoveTo(cr, x + length - head, y - head);
        Cairo.LineTo(cr, x + length, y);
        Cairo.LineTo(cr, x + length - head, y + head);
        Cairo.Stroke(cr);
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
        nint cr = canvas.Context;
        double width = height * 0.72;
        double left = centerX - (width / 2);
        double top = centerY - (height / 2);
        canvas.BeginStroke(lineWidth, color);
        Cairo.MoveTo(cr, left, top);
        Cairo.LineTo(cr, left + width, top);
        Cairo.LineTo(cr, left + width, top + height);
        Cairo.LineTo(cr, centerX, top + (height * 0.72));
        Cairo.LineTo(cr, left, top + height);
        Cairo.ClosePath(cr);
        Cairo.Stroke(cr);
    }

    /// <summary>An outlined heart centred on (<paramref name="centerX"/>, <paramref name="centerY"/>).</summary>
    public static void Heart(SlideCanvas canvas, double centerX, double centerY, double size, double lineWidth, RgbColor color)
    {
        nint cr = canvas.Context;
        double half = size / 2;
        double top = centerY - (size * 0.32);
        double bottom = centerY + (size * 0.48);
        canvas.BeginStroke(lineWidth, color);
        Cairo.MoveTo(cr, centerX, bottom);
        Cairo.CurveTo(cr, centerX - (half * 0.35), bottom - (size * 0.22), centerX - half, centerY + (size * 0.1), centerX - half, top + (size * 0.08));
        Cairo.CurveTo(cr, centerX - half, top - (size * 0.2), centerX - (half * 0.2), top - (size * 0.28), centerX, top + (size * 0.04));
        Cairo.CurveTo(cr, centerX + (half * 0.2), top - (size * 0.28), centerX + half, top - (size * 0.2), centerX + half, top + (size * 0.08));
        Cairo.CurveTo(cr, centerX + half, centerY + (size * 0.1), centerX + (half * 0.35), bottom - (size * 0.22), centerX, bottom);
        Cairo.ClosePath(cr);
        Cairo.Stroke(cr);
    }

    /// <summary>A paper plane ("send") centred on (<paramref name="centerX"/>, <paramref name="centerY"/>).</summary>
    public static void PaperPlane(SlideCanvas canvas, double centerX, double centerY, double size, double lineWidth, RgbColor color)
    {
        nint cr = canvas.Context;
        double half = size / 2;
        canvas.BeginStroke(lineWidth, color);
        Cairo.MoveTo(cr, centerX - half, centerY - (half * 0.15));
        Cairo.LineTo(cr, centerX + half, centerY - half);
        Cairo.LineTo(cr, centerX + (half * 0.1), centerY + half);
        Cairo.LineTo(cr, centerX - (half * 0.12), centerY + (half * 0.05));
        Cairo.ClosePath(cr);
        Cairo.MoveTo(cr, centerX - (half * 0.12), centerY + (half * 0.05));
        Cairo.LineTo(cr, centerX + half, centerY - half);
        Cairo.Stroke(cr);
    }

    /// <summary>A speech bubble centred on (<paramref name="centerX"/>, <paramref name="centerY"/>).</summary>
    public static void Bubble(SlideCanvas canvas, double centerX, double centerY, double size, double lineWidth, RgbColor color)
    {
        nint cr = canvas.Context;
        double radius = size * 0.46;
        canvas.BeginStroke(lineWidth, color);
        Cairo.Arc(cr, centerX, centerY, radius, Math.PI * 0.75, Math.PI * 2.6);
        Cairo.LineTo(cr, centerX - (radius * 1.05), centerY + (radius * 1.05));
        Cairo.ClosePath(cr);
        Cairo.Stroke(cr);
    }

    // A filled circle with a tail sweeping up and to the right: the shape of a typographic "6" comma.
    private static void OpeningComma(SlideCanvas canvas, double x, double y, double radius, double size, RgbColor color, double alpha)
    {
        nint cr = canvas.Context;
        double centerX = x + radius;
        double centerY = y + size - radius;
        canvas.SetSource(color, alpha);
        Cairo.NewPath(cr);
        Cairo.Arc(cr, centerX, centerY, radius, 0, 2 * Math.PI);
        Cairo.Fill(cr);
        Cairo.NewPath(cr);
        Cairo.MoveTo(cr, x, centerY);
        Cairo.CurveTo(cr, x, y + (size * 0.3), x + (radius * 0.9), y + (size * 0.04), x + (radius * 2.1), y);
        Cairo.LineTo(cr, x + (radius * 2.1), y + (size * 0.13));
        Cairo.CurveTo(cr, x + (radius * 1.3), y + (size * 0.2), x + (radius * 0.95), y + (size * 0.36), centerX, centerY - radius);
        Cairo.LineTo(cr, centerX, centerY);
        Cairo.ClosePath(cr);
        Cairo.Fill(cr);
    }
}

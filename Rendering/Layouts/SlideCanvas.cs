using VibeCoder.Rendering.Native;
using VibeCoder.Rendering.Text;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Rendering.Layouts;

/// <summary>
/// One slide being drawn on a cairo context: shape helpers, auto-fitted text, and the record of every text
/// rectangle drawn (for the safe-margin guarantee). Not thread-safe; one per render.
/// </summary>
internal sealed class SlideCanvas
{
    /// <summary>No text may come closer than this to any edge.</summary>
    public const int SafeMargin = 80;

    private const int GlowDownscale = 8;

    private readonly List<PixelRect> _textBlocks = [];

    public SlideCanvas(nint context, int width, int height, SlidePalette palette)
    {
        Context = context;
        Width = width;
        Height = height;
        Palette = palette;
        SafeArea = new PixelRect(SafeMargin, SafeMargin, width - (2 * SafeMargin), height - (2 * SafeMargin));
    }

    /// <summary>The cairo_t.</summary>
    public nint Context { get; }

    public int Width { get; }

    public int Height { get; }

    public SlidePalette Palette { get; }

    public PixelRect SafeArea { get; }

    /// <summary>Every text rectangle drawn so far (ink ∪ logical), in drawing order.</summary>
    public IReadOnlyList<PixelRect> TextBlocks => _textBlocks;

    /// <summary>The union of <see cref="TextBlocks"/>.</summary>
    public PixelRect TextBounds { get; private set; }

    public int UnknownGlyphs { get; private set; }

    public int StrippedCharacters { get; private set; }

    /// <summary>Auto-fits text into a box; the caller disposes the result after drawing it.</summary>
    public FittedText Fit(string text, in TextStyle style, double maxWidth, double maxHeight) =>
        TextFitter.Fit(Context, text, style, Math.Max(0, maxWidth), Math.Max(0, maxHeight));

    /// <summary>Draws fitted text with the top-left of its box at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    /// <returns>Where the text landed (ink ∪ logical).</returns>
    public PixelRect DrawText(FittedText text, double x, double y, RgbColor color, double alpha = 1)
    {
        UnknownGlyphs += text.UnknownGlyphs;
        StrippedCharacters += text.StrippedCharacters;
        if (text.IsEmpty)
        {
            return default;
        }

        // Whole pixels keep the recorded rectangle exact and the glyphs crisp.
        double originX = Math.Round(x) + text.Inset;
        double originY = Math.Round(y) - text.Extents.Y;
        SetSource(color, alpha);
        Cairo.MoveTo(Context, originX, originY);
        Pango.CairoShowLayout(Context, text.Layout);

        var drawn = new PixelRect((int)originX + text.Extents.X, (int)originY + text.Extents.Y, text.Extents.Width, text.Extents.Height);
        _textBlocks.Add(drawn);
        TextBounds = TextBounds.Union(drawn);
        return drawn;
    }

    /// <summary>Fits, draws and frees a piece of text in one go.</summary>
    public PixelRect FitAndDraw(string text, in TextStyle style, double x, double y, double maxWidth, double maxHeight, RgbColor color, double alpha = 1)
    {
        using FittedText fitted = Fit(text, style, maxWidth, maxHeight);
        return DrawText(fitted, x, y, color, alpha);
    }

    /// <summary>Fills the whole slide with the palette's background gradient, top to bottom.</summary>
    /// <remarks>Vertical on purpose: pixman fills a vertical gradient a row at a time, ten times faster than a diagonal one.</remarks>
    public void PaintBackground()
    {
        nint gradient = Cairo.PatternCreateLinear(0, 0, 0, Height);
        try
        {
            AddStop(gradient, 0, Palette.Background, 1);
            AddStop(gradient, 1, Palette.BackgroundEnd, 1);
            Cairo.SetSource(Context, gradient);
            Cairo.Paint(Context);
        }
        finally
        {
            Cairo.PatternDestroy(gradient);
        }
    }

    /// <summary>A soft glow: a radial gradient from <paramref name="color"/> at <paramref name="alpha"/> to transparent.</summary>
    /// <remarks>
    /// Drawn at 1/8 size and scaled up with bilinear filtering: a smooth gradient loses nothing, and a full-size
    /// radial gradient would cost more than the rest of the slide.
    /// </remarks>
    public void FillGlow(double centerX, double centerY, double radius, RgbColor color, double alpha)
    {
        const int factor = GlowDownscale;
        int size = (int)Math.Ceiling(2 * radius / factor) + 2;
        double half = size / 2.0;
        nint small = Cairo.ImageSurfaceCreate(Cairo.FormatArgb32, size, size);
        nint smallContext = Cairo.Create(small);
        nint gradient = Cairo.PatternCreateRadial(half, half, 0, half, half, radius / factor);
        try
        {
            AddStop(gradient, 0, color, alpha * Palette.GlowStrength);
            AddStop(gradient, 1, color, 0);
            Cairo.SetSource(smallContext, gradient);
            Cairo.Paint(smallContext);
            Cairo.SurfaceFlush(small);

            Cairo.Save(Context);
            Cairo.Translate(Context, centerX - (half * factor), centerY - (half * factor));
            Cairo.Scale(Context, factor, factor);
            Cairo.SetSourceSurface(Context, small, 0, 0);
            Cairo.PatternSetFilter(Cairo.GetSource(Context), Cairo.FilterBilinear);
            Cairo.Paint(Context);
            Cairo.Restore(Context);
        }
        finally
        {
            Cairo.PatternDestroy(gradient);
            Cairo.Destroy(smallContext);
            Cairo.SurfaceDestroy(small);
        }
    }

    public void FillCircle(double centerX, double centerY, double radius, RgbColor color, double alpha = 1)
    {
        SetSource(color, alpha);
        Cairo.NewPath(Context);
        Cairo.Arc(Context, centerX, centerY, radius, 0, 2 * Math.PI);
        Cairo.Fill(Context);
    }

    public void StrokeCircle(double centerX, double centerY, double radius, double lineWidth, RgbColor color, double alpha = 1)
    {
        SetSource(color, alpha);
        Cairo.SetLineWidth(Context, lineWidth);
        Cairo.NewPath(Context);
        Cairo.Arc(Context, centerX, centerY, radius, 0, 2 * Math.PI);
        Cairo.Stroke(Context);
    }

    public void FillRoundedRect(double x, double y, double width, double height, double radius, RgbColor color, double alpha = 1)
    {
        SetSource(color, alpha);
        RoundedRectPath(x, y, width, height, radius);
        Cairo.Fill(Context);
    }

    /// <summary>A grid of small dots, a quiet texture for empty corners.</summary>
    public void DotGrid(double x, double y, int columns, int rows, double spacing, double radius, RgbColor color, double alpha)
    {
        SetSource(color, alpha);
        Cairo.NewPath(Context);
        for (int row = 0; row < rows; row++)
        {
            for (int column = 0; column < columns; column++)
            {
                double cx = x + (column * spacing);
                double cy = y + (row * spacing);
                Cairo.NewSubPath(Context);
                Cairo.Arc(Context, cx, cy, radius, 0, 2 * Math.PI);
            }
        }

        Cairo.Fill(Context);
    }

    /// <summary>Sets a round-capped stroke of the given width and colour for the caller's path.</summary>
    public void BeginStroke(double lineWidth, RgbColor color, double alpha = 1)
    {
        SetSource(color, alpha);
        Cairo.SetLineWidth(Context, lineWidth);
        Cairo.SetLineCap(Context, Cairo.LineCapRound);
        Cairo.SetLineJoin(Context, Cairo.LineJoinRound);
        Cairo.NewPath(Context);
    }

    public void SetSource(RgbColor color, double alpha = 1) =>
        Cairo.SetSourceRgba(Context, color.R / 255.0, color.G / 255.0, color.B / 255.0, alpha);

    private void RoundedRectPath(double x, double y, double width, double height, double radius)
    {
        radius = Math.Min(radius, Math.Min(width, height) / 2);
        Cairo.NewPath(Context);
        Cairo.Arc(Context, x + width - radius, y + radius, radius, -Math.PI / 2, 0);
        Cairo.Arc(Context, x + width - radius, y + height - radius, radius, 0, Math.PI / 2);
        Cairo.Arc(Context, x + radius, y + height - radius, radius, Math.PI / 2, Math.PI);
        Cairo.Arc(Context, x + radius, y + radius, radius, Math.PI, 3 * Math.PI / 2);
        Cairo.ClosePath(Context);
    }

    private static void AddStop(nint gradient, double offset, RgbColor color, double alpha) =>
        Cairo.PatternAddColorStopRgba(gradient, offset, color.R / 255.0, color.G / 255.0, color.B / 255.0, alpha);
}

using System.Diagnostics;
using SkiaSharp;
using VibeCoder.Rendering.Diagnostics;
using VibeCoder.Rendering.Fonts;
using VibeCoder.Rendering.Text;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Rendering.Layouts;

/// <summary>
/// One slide being drawn on a Skia canvas (a raster surface or a PDF page): shape helpers, auto-fitted text, and
/// the record of every text rectangle drawn (for the safe-margin guarantee). Not thread-safe; one per render.
/// </summary>
internal sealed class SlideCanvas : IDisposable
{
    /// <summary>No text may come closer than this to any edge.</summary>
    public const int SafeMargin = 80;

    private readonly List<PixelRect> _textBlocks = [];
    private readonly SKPaint _paint = new() { IsAntialias = true };

    public SlideCanvas(SKCanvas canvas, FontCatalog fonts, int width, int height, SlidePalette palette, bool isVector, RenderProfile? profile = null)
    {
        IsVector = isVector;
        Profile = profile;
        Canvas = canvas;
        Fonts = fonts;
        Width = width;
        Height = height;
        Palette = palette;
        SafeArea = new PixelRect(SafeMargin, SafeMargin, width - (2 * SafeMargin), height - (2 * SafeMargin));
    }

    public SKCanvas Canvas { get; }

    /// <summary>True for a PDF page (vector output), false for a raster bitmap.</summary>
    public bool IsVector { get; }

    /// <summary>Receives where the time goes, or null.</summary>
    public RenderProfile? Profile { get; }

    public FontCatalog Fonts { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// How much larger than a 1080×1350 slide the layouts draw. Stories (1080×1920) are as wide as a portrait slide,
    /// so their type grows only a little; the extra height goes to space.
    /// </summary>
    public double Scale => Math.Min(Height, 1500) / 1350.0;

    public SlidePalette Palette { get; }

    public PixelRect SafeArea { get; }

    /// <summary>Every text rectangle drawn so far (ink ∪ logical), in drawing order.</summary>
    public IReadOnlyList<PixelRect> TextBlocks => _textBlocks;

    /// <summary>The union of <see cref="TextBlocks"/>.</summary>
    public PixelRect TextBounds { get; private set; }

    public int UnknownGlyphs { get; private set; }

    public int StrippedCharacters { get; private set; }

    /// <summary>Auto-fits text into a box.</summary>
    public FittedText Fit(string text, in TextStyle style, double maxWidth, double maxHeight)
    {
        if (Profile is null)
        {
            return TextFitter.Fit(Fonts, text, style, Math.Max(0, maxWidth), Math.Max(0, maxHeight));
        }

        long started = Stopwatch.GetTimestamp();
        FittedText fitted = TextFitter.Fit(Fonts, text, style, Math.Max(0, maxWidth), Math.Max(0, maxHeight), Profile);
        Profile.LayoutTicks += Stopwatch.GetTimestamp() - started;
        return fitted;
    }

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

        // Whole pixels keep the recorded rectangle exact.
        double originX = Math.Round(x) + text.Inset;
        double originY = Math.Round(y) - text.Extents.Y;
        SetFill(color, alpha);
        text.Draw(Canvas, (float)originX, (float)originY, _paint);

        var drawn = new PixelRect((int)originX + text.Extents.X, (int)originY + text.Extents.Y, text.Extents.Width, text.Extents.Height);
        _textBlocks.Add(drawn);
        TextBounds = TextBounds.Union(drawn);
        return drawn;
    }

    /// <summary>Fits and draws a piece of text in one go.</summary>
    public PixelRect FitAndDraw(string text, in TextStyle style, double x, double y, double maxWidth, double maxHeight, RgbColor color, double alpha = 1) =>
        DrawText(Fit(text, style, maxWidth, maxHeight), x, y, color, alpha);

    /// <summary>Fills the whole slide with the palette's background gradient, top to bottom.</summary>
    /// <remarks>
    /// On a raster canvas the gradient is drawn as solid bands, one per distinct row colour: a vertical gradient only
    /// changes from row to row, and Skia's gradient shader costs about 7 ns a pixel (10 ms a slide) where solid
    /// fills cost almost nothing. A PDF page gets the real (vector) gradient.
    /// </remarks>
    public void PaintBackground()
    {
        if (!IsVector)
        {
            PaintBackgroundBands();
            return;
        }

        using SKShader gradient = SKShader.CreateLinearGradient(
            new SKPoint(0, 0), new SKPoint(0, Height), [ToSkia(Palette.Background, 1), ToSkia(Palette.BackgroundEnd, 1)], SKShaderTileMode.Clamp);
        _paint.Style = SKPaintStyle.Fill;
        _paint.Color = SKColors.White;
        _paint.Shader = gradient;
        Canvas.DrawRect(0, 0, Width, Height, _paint);
        _paint.Shader = null;
    }

    private void PaintBackgroundBands()
    {
        _paint.Style = SKPaintStyle.Fill;
        _paint.Shader = null;
        _paint.IsAntialias = false;
        int bandTop = 0;
        SKColor band = RowColor(0);
        for (int y = 1; y <= Height; y++)
        {
            SKColor row = y < Height ? RowColor(y) : default;
            if (y == Height || row != band)
            {
                _paint.Color = band;
                Canvas.DrawRect(0, bandTop, Width, y - bandTop, _paint);
                bandTop = y;
                band = row;
            }
        }

        _paint.IsAntialias = true;
    }

    // The gradient's colour at the centre of row y, rounded per channel.
    private SKColor RowColor(int y)
    {
        double t = (y + 0.5) / Height;
        RgbColor from = Palette.Background;
        RgbColor to = Palette.BackgroundEnd;
        return new SKColor(
            (byte)Math.Round(from.R + ((to.R - from.R) * t)),
            (byte)Math.Round(from.G + ((to.G - from.G) * t)),
            (byte)Math.Round(from.B + ((to.B - from.B) * t)));
    }

    /// <summary>A soft glow: a radial gradient from <paramref name="color"/> at <paramref name="alpha"/> to transparent.</summary>
    public void FillGlow(double centerX, double centerY, double radius, RgbColor color, double alpha)
    {
        var center = new SKPoint((float)centerX, (float)centerY);
        using SKShader gradient = SKShader.CreateRadialGradient(
            center, (float)radius, [ToSkia(color, alpha * Palette.GlowStrength), ToSkia(color, 0)], SKShaderTileMode.Clamp);
        _paint.Style = SKPaintStyle.Fill;
        _paint.Color = SKColors.White;
        _paint.Shader = gradient;
        Canvas.DrawCircle(center, (float)radius, _paint);
        _paint.Shader = null;
    }

    public void FillCircle(double centerX, double centerY, double radius, RgbColor color, double alpha = 1)
    {
        SetFill(color, alpha);
        Canvas.DrawCircle((float)centerX, (float)centerY, (float)radius, _paint);
    }

    public void StrokeCircle(double centerX, double centerY, double radius, double lineWidth, RgbColor color, double alpha = 1)
    {
        SetStroke(lineWidth, color, alpha);
        Canvas.DrawCircle((float)centerX, (float)centerY, (float)radius, _paint);
    }

    public void FillRoundedRect(double x, double y, double width, double height, double radius, RgbColor color, double alpha = 1)
    {
        if (width <= 0 || height <= 0)
        {
            return;
        }

        SetFill(color, alpha);
        float r = (float)Math.Min(radius, Math.Min(width, height) / 2);
        Canvas.DrawRoundRect(new SKRect((float)x, (float)y, (float)(x + width), (float)(y + height)), r, r, _paint);
    }

    /// <summary>A grid of small dots, a quiet texture for empty corners.</summary>
    public void DotGrid(double x, double y, int columns, int rows, double spacing, double radius, RgbColor color, double alpha)
    {
        using var path = new SKPathBuilder();
        for (int row = 0; row < rows; row++)
        {
            for (int column = 0; column < columns; column++)
            {
                path.AddCircle((float)(x + (column * spacing)), (float)(y + (row * spacing)), (float)radius, SKPathDirection.Clockwise);
            }
        }

        FillPath(path, color, alpha);
    }

    public void FillPath(SKPathBuilder builder, RgbColor color, double alpha = 1)
    {
        SetFill(color, alpha);
        using SKPath path = builder.Snapshot();
        Canvas.DrawPath(path, _paint);
    }

    /// <summary>Strokes a path with round caps and joins.</summary>
    public void StrokePath(SKPathBuilder builder, double lineWidth, RgbColor color, double alpha = 1)
    {
        SetStroke(lineWidth, color, alpha);
        using SKPath path = builder.Snapshot();
        Canvas.DrawPath(path, _paint);
    }

    /// <summary>Draws an image scaled to fit (aspect kept) and centred in the square at (x, y) with side <paramref name="size"/>.</summary>
    public void DrawImage(SKImage image, double x, double y, double size)
    {
        double scale = size / Math.Max(image.Width, image.Height);
        double width = image.Width * scale;
        double height = image.Height * scale;
        var target = SKRect.Create((float)(x + ((size - width) / 2)), (float)(y + ((size - height) / 2)), (float)width, (float)height);
        _paint.Shader = null;
        _paint.Color = SKColors.White;
        Canvas.DrawImage(image, target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), _paint);
    }

    public void Dispose() => _paint.Dispose();

    private void SetFill(RgbColor color, double alpha)
    {
        _paint.Style = SKPaintStyle.Fill;
        SetColor(color, alpha);
    }

    private void SetStroke(double lineWidth, RgbColor color, double alpha)
    {
        _paint.Style = SKPaintStyle.Stroke;
        _paint.StrokeWidth = (float)lineWidth;
        _paint.StrokeCap = SKStrokeCap.Round;
        _paint.StrokeJoin = SKStrokeJoin.Round;
        SetColor(color, alpha);
    }

    private void SetColor(RgbColor color, double alpha)
    {
        _paint.Shader = null;
        _paint.Color = ToSkia(color, alpha);
    }

    private static SKColor ToSkia(RgbColor color, double alpha) =>
        new(color.R, color.G, color.B, (byte)Math.Round(Math.Clamp(alpha, 0, 1) * 255));
}

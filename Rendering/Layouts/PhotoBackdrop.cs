using SkiaSharp;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Rendering.Layouts;

/// <summary>
/// The user's photo as a slide's backdrop: scaled to cover the slide, cropped around the focal point (moved only as
/// far as the photo reaches), then darkened by a black overlay. Where text may stand the overlay is at least
/// <see cref="TextScrimAlpha"/>, so even a white photo is no brighter there than <see cref="BrightestBehindText"/>, and
/// the palette's text is chosen against that (<see cref="SlidePalette.OverPhoto"/>): WCAG 4.5:1 whatever the photo.
/// The cover keeps its top lighter (its heading starts below 30% of the height) so more of the photo shows.
/// </summary>
internal static class PhotoBackdrop
{
    /// <summary>
    /// The least overlay opacity behind text. Blending is in sRGB values (Skia, PDF viewers): a white pixel becomes
    /// 255 × (1 − 0.62) ≈ 97, against which white text reaches about 6:1 and a light grey 4.5:1.
    /// </summary>
    public const double TextScrimAlpha = 0.62;

    /// <summary>The overlay at the very top of a cover, where no text stands.</summary>
    public const double CoverTopAlpha = 0.3;

    /// <summary>Down to this fraction of a cover's height the overlay grows from <see cref="CoverTopAlpha"/>.</summary>
    public const double CoverFadeEnd = 0.26;

    /// <summary>The overlay at the bottom edge, behind the footer.</summary>
    public const double BottomAlpha = 0.72;

    /// <summary>The brightest colour the overlay leaves behind text: a white photo under <see cref="TextScrimAlpha"/>.</summary>
    public static RgbColor BrightestBehindText { get; } = Gray((byte)Math.Floor(255 * (1 - TextScrimAlpha)));

    public static void Paint(SlideCanvas canvas, SKImage photo, (double X, double Y) focus, SlideKind kind)
    {
        var target = SKRect.Create(canvas.Width, canvas.Height);
        canvas.Canvas.DrawImage(photo, Crop(photo.Width, photo.Height, canvas.Width, canvas.Height, focus), target,
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));

        float[] positions = kind == SlideKind.Cover ? [0f, (float)CoverFadeEnd, 1f] : [0f, 1f];
        double[] alphas = kind == SlideKind.Cover ? [CoverTopAlpha, TextScrimAlpha, BottomAlpha] : [TextScrimAlpha, BottomAlpha];
        SKColor[] colors = [.. alphas.Select(a => new SKColor(0, 0, 0, (byte)Math.Ceiling(a * 255)))];
        using SKShader scrim = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, canvas.Height), colors, positions, SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = scrim, IsAntialias = false };
        canvas.Canvas.DrawRect(target, paint);
    }

    /// <summary>
    /// The part of a <paramref name="imageWidth"/>×<paramref name="imageHeight"/> photo that covers a
    /// <paramref name="width"/>×<paramref name="height"/> slide, centred on <paramref name="focus"/> as far as the photo allows.
    /// </summary>
    public static SKRect Crop(int imageWidth, int imageHeight, int width, int height, (double X, double Y) focus)
    {
        double scale = Math.Max((double)width / imageWidth, (double)height / imageHeight);
        double visibleWidth = width / scale;
        double visibleHeight = height / scale;
        double left = Math.Clamp((Math.Clamp(focus.X, 0, 1) * imageWidth) - (visibleWidth / 2), 0, imageWidth - visibleWidth);
        double top = Math.Clamp((Math.Clamp(focus.Y, 0, 1) * imageHeight) - (visibleHeight / 2), 0, imageHeight - visibleHeight);
        return SKRect.Create((float)left, (float)top, (float)visibleWidth, (float)visibleHeight);
    }

    private static RgbColor Gray(byte value) => new(value, value, value);
}

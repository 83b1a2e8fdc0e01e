using SkiaSharp;

namespace VibeCoder.Rendering;

/// <summary>
/// Turns a rendered slide PNG into a JPEG. The renderer draws and caches PNGs only: encoding a JPEG of every slide
/// as well would add CPU to every job and memory to the cache for a format few requests ask for, so a JPEG is made on
/// request from the PNG (decode plus encode, a few milliseconds; docs/rendering.md).
/// </summary>
public static class SlideJpeg
{
    /// <summary>
    /// The JPEG quality, chosen by measurement (docs/rendering.md): at 90 a slide differs from its PNG by under one
    /// level on average (worst pixel ~20 of 255, at letter edges) for about 70 % of the PNG's bytes.
    /// </summary>
    public const int Quality = 90;

    /// <summary>
    /// Chroma at half resolution (4:2:0, the JPEG default): measured 15–20 % smaller and about twice as fast to encode
    /// as 4:4:4, and Instagram re-encodes uploads at 4:2:0 anyway, so full-resolution colour would not survive.
    /// </summary>
    internal static readonly SKJpegEncoderOptions Options = new(Quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore);

    /// <summary>The JPEG encoding of <paramref name="png"/> (a slide, which is opaque).</summary>
    /// <param name="png">An encoded PNG.</param>
    /// <returns>The JPEG file.</returns>
    /// <exception cref="ArgumentException">The bytes are not an image Skia can decode.</exception>
    public static byte[] FromPng(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        using var stream = new SKMemoryStream(png);
        using SKCodec codec = SKCodec.Create(stream) ?? throw new ArgumentException("The slide image is not an image Skia can decode.", nameof(png));
        using SKBitmap bitmap = SKBitmap.Decode(codec) ?? throw new ArgumentException("The slide image could not be decoded.", nameof(png));
        using SKPixmap pixmap = bitmap.PeekPixels();
        using SKData jpeg = pixmap.Encode(Options) ?? throw new InvalidOperationException("Skia could not encode the slide as JPEG.");
        return jpeg.ToArray();
    }

    /// <summary>The file extension (without the dot) of <paramref name="format"/>.</summary>
    public static string ExtensionOf(SlideImageFormat format) => format == SlideImageFormat.Jpeg ? "jpg" : "png";
}

using System.Security.Cryptography;
using SkiaSharp;

namespace VibeCoder.Rendering.Images;

/// <summary>
/// Turns an uploaded picture into a brand logo: checks it from its header before decoding anything (so a
/// 10,000×10,000 "decompression bomb" costs nothing), decodes it at a reduced size where the format allows, scales it
/// to fit <see cref="MaxSide"/>, and encodes a PNG of at most <see cref="MaxBytes"/>, keyed by its SHA-256. Thread-safe.
/// </summary>
public static class LogoImages
{
    /// <summary>The largest side of a stored logo, in pixels: the cover draws it at about 130.</summary>
    public const int MaxSide = 256;

    /// <summary>The most bytes a stored logo PNG may have.</summary>
    public const int MaxBytes = 100 * 1024;

    /// <summary>The largest side an upload may have (a photo from any phone fits).</summary>
    public const int MaxSourceSide = 6000;

    /// <summary>The most pixels an upload may have (24 megapixels).</summary>
    public const long MaxSourcePixels = 24_000_000;

    /// <summary>Checks and converts an upload.</summary>
    /// <param name="data">The file as sent.</param>
    /// <returns>The logo, or why it was refused.</returns>
    public static LogoImage Prepare(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        LogoRefusal refusal = UploadedPicture.TryOpen(data, out UploadedPicture? picture, out SKSizeI size);
        if (picture is null)
        {
            return LogoImage.Refused(refusal, size.Width, size.Height);
        }

        using UploadedPicture opened = picture;
        SKCodec codec = opened.Codec;

        using SKBitmap? raw = Decode(codec);
        if (raw is null)
        {
            return LogoImage.Refused(LogoRefusal.NotAnImage, size.Width, size.Height);
        }

        using SKBitmap? turned = Upright(raw, codec.EncodedOrigin);
        SKBitmap decoded = turned ?? raw;

        for (int side = MaxSide; side >= 64; side -= 64)
        {
            byte[] png = EncodeFitting(decoded, side);
            if (png.Length <= MaxBytes)
            {
                return new LogoImage(LogoRefusal.None, png, Convert.ToHexStringLower(SHA256.HashData(png)), size.Width, size.Height);
            }
        }

        return LogoImage.Refused(LogoRefusal.TooLarge, size.Width, size.Height);
    }

    /// <summary>The lower-case SHA-256 hex of <paramref name="png"/>, the key logos are stored under.</summary>
    public static string HashOf(byte[] png) => Convert.ToHexStringLower(SHA256.HashData(png));

    // Decodes at the smallest size the codec offers that is still at least MaxSide (JPEG decodes at 1/2, 1/4, 1/8).
    private static SKBitmap? Decode(SKCodec codec)
    {
        SKSizeI full = codec.Info.Size;
        float scale = Math.Min(1f, (float)MaxSide / Math.Min(full.Width, full.Height));
        SKSizeI scaled = codec.GetScaledDimensions(scale);
        if (scaled.Width < Math.Min(MaxSide, full.Width) || scaled.Height < Math.Min(MaxSide, full.Height))
        {
            scaled = full;
        }

        var info = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        SKCodecResult result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    /// <summary>
    /// The picture the way its camera meant it to be seen: a photo sent as a file keeps the EXIF orientation the
    /// phone wrote instead of turning its pixels. Null when it is already upright.
    /// </summary>
    internal static SKBitmap? Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        int w = source.Width;
        int h = source.Height;

        // Each matrix maps the stored pixels onto the upright picture: x' = a·x + b·y + c, y' = d·x + e·y + f.
        SKMatrix? matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (matrix is not { } transform)
        {
            return null;
        }

        bool swapped = origin >= SKEncodedOrigin.LeftTop;
        var upright = new SKBitmap(new SKImageInfo(swapped ? h : w, swapped ? w : h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(upright);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(transform);
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        canvas.Flush();
        return upright;
    }

    private static byte[] EncodeFitting(SKBitmap source, int side)
    {
        double scale = Math.Min(1, (double)side / Math.Max(source.Width, source.Height));
        int width = Math.Max(1, (int)Math.Round(source.Width * scale));
        int height = Math.Max(1, (int)Math.Round(source.Height * scale));
        using SKBitmap resized = width == source.Width && height == source.Height
            ? source.Copy()
            : source.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
              ?? throw new InvalidOperationException("Skia could not resize the logo.");
        using SKData data = resized.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("Skia could not encode the logo.");
        return data.ToArray();
    }

    // SVG is XML text: Skia cannot decode it, and saying so plainly beats "not an image".
    internal static bool LooksLikeSvg(byte[] data)
    {
        int length = Math.Min(data.Length, 1024);
        string head = System.Text.Encoding.UTF8.GetString(data, 0, length);
        return head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}

using System.Security.Cryptography;
using SkiaSharp;

namespace VibeCoder.Rendering.Images;

/// <summary>
/// Turns an uploaded picture into a slide background: the same checks as a logo (<see cref="LogoImages"/>: SVG and
/// sizes refused from the header before anything is decoded), then decoded at a reduced size where the format allows,
/// turned upright, scaled down until it just covers a 1080×1350 slide (the whole picture is kept, so the focal point
/// can still choose the crop when drawing), flattened onto black and encoded as a JPEG keyed by its SHA-256.
/// Deterministic (same upload, same bytes, same key) and thread-safe.
/// </summary>
public static class BackgroundPhotos
{
    /// <summary>The stored photo is at most as large as needed to cover a slide this wide…</summary>
    public const int CoverWidth = 1080;

    /// <summary>…and this high (a portrait slide).</summary>
    public const int CoverHeight = 1350;

    /// <summary>The JPEG quality the photo is stored with; lowered step by step only when the file would exceed <see cref="MaxBytes"/>.</summary>
    public const int Quality = 85;

    /// <summary>The most bytes a stored background JPEG may have (1.5 MiB; a 1800×1350 photo at quality 85 is typically 300–700 KB).</summary>
    public const int MaxBytes = 1536 * 1024;

    /// <summary>The largest upload in bytes, as Telegram lets bots download (20 MiB).</summary>
    public const long MaxUploadBytes = 20L * 1024 * 1024;

    /// <summary>Checks and converts an upload.</summary>
    /// <param name="data">The file as sent.</param>
    /// <returns>The photo, or why it was refused.</returns>
    public static BackgroundPhoto Prepare(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.LongLength > MaxUploadBytes)
        {
            return BackgroundPhoto.Refused(LogoRefusal.TooLarge);
        }

        LogoRefusal refusal = UploadedPicture.TryOpen(data, out UploadedPicture? picture, out SKSizeI size);
        if (picture is null)
        {
            return BackgroundPhoto.Refused(refusal, size.Width, size.Height);
        }

        using UploadedPicture opened = picture;
        SKCodec codec = opened.Codec;

        bool swapped = codec.EncodedOrigin >= SKEncodedOrigin.LeftTop;
        (int uprightWidth, int uprightHeight) = swapped ? (size.Height, size.Width) : (size.Width, size.Height);
        double scale = Math.Min(1, Math.Max((double)CoverWidth / uprightWidth, (double)CoverHeight / uprightHeight));
        int width = Math.Max(1, (int)Math.Round(uprightWidth * scale));
        int height = Math.Max(1, (int)Math.Round(uprightHeight * scale));

        using SKBitmap? raw = Decode(codec, scale);
        if (raw is null)
        {
            return BackgroundPhoto.Refused(LogoRefusal.NotAnImage, size.Width, size.Height);
        }

        using SKBitmap? turned = LogoImages.Upright(raw, codec.EncodedOrigin);
        using SKBitmap flat = Flatten(turned ?? raw, width, height);
        for (int quality = Quality; quality >= 45; quality -= 10)
        {
            using SKData? encoded = flat.Encode(SKEncodedImageFormat.Jpeg, quality);
            if (encoded is not null && encoded.Size <= MaxBytes)
            {
                byte[] jpeg = encoded.ToArray();
                return new BackgroundPhoto(LogoRefusal.None, jpeg, HashOf(jpeg), width, height, size.Width, size.Height);
            }
        }

        return BackgroundPhoto.Refused(LogoRefusal.TooLarge, size.Width, size.Height);
    }

    /// <summary>The lower-case SHA-256 hex of <paramref name="jpeg"/>, the key photos are stored under.</summary>
    public static string HashOf(byte[] jpeg) => Convert.ToHexStringLower(SHA256.HashData(jpeg));

    // Decodes at the smallest size the codec offers (JPEG: 1/2, 1/4, 1/8) that still covers the wanted scale.
    private static SKBitmap? Decode(SKCodec codec, double scale)
    {
        SKSizeI full = codec.Info.Size;
        SKSizeI scaled = codec.GetScaledDimensions((float)scale);
        if (scaled.Width < Math.Ceiling(full.Width * scale) || scaled.Height < Math.Ceiling(full.Height * scale))
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

    // Scaled to the stored size on an opaque black canvas: a transparent PNG has no JPEG form, and black under it keeps
    // white text readable where the picture was see-through.
    private static SKBitmap Flatten(SKBitmap source, int width, int height)
    {
        var flat = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(flat);
        canvas.Clear(SKColors.Black);
        using SKImage image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, SKRect.Create(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Flush();
        return flat;
    }
}

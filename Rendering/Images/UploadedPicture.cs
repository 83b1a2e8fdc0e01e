using SkiaSharp;

namespace VibeCoder.Rendering.Images;

/// <summary>
/// An upload opened for decoding once its header has passed the checks every upload gets (logo or background photo):
/// not an SVG, readable by Skia, at most <see cref="LogoImages.MaxSourceSide"/> a side and
/// <see cref="LogoImages.MaxSourcePixels"/> in all. Only the header is read before the decision, so a 10,000×10,000
/// "decompression bomb" costs nothing.
/// </summary>
internal sealed class UploadedPicture : IDisposable
{
    private readonly SKMemoryStream _stream;

    private UploadedPicture(SKMemoryStream stream, SKCodec codec)
    {
        _stream = stream;
        Codec = codec;
    }

    /// <summary>The codec, positioned at the start of the picture.</summary>
    public SKCodec Codec { get; }

    /// <summary>The size the header states.</summary>
    public SKSizeI Size => Codec.Info.Size;

    /// <summary>Opens <paramref name="data"/>, or says why it is refused (with the stated size when the header was read).</summary>
    public static LogoRefusal TryOpen(byte[] data, out UploadedPicture? picture, out SKSizeI size)
    {
        picture = null;
        size = default;
        if (LogoImages.LooksLikeSvg(data))
        {
            return LogoRefusal.Svg;
        }

        var stream = new SKMemoryStream(data);
        var codec = SKCodec.Create(stream);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            codec?.Dispose();
            stream.Dispose();
            return LogoRefusal.NotAnImage;
        }

        size = codec.Info.Size;
        if (size.Width > LogoImages.MaxSourceSide || size.Height > LogoImages.MaxSourceSide
            || (long)size.Width * size.Height > LogoImages.MaxSourcePixels)
        {
            codec.Dispose();
            stream.Dispose();
            return LogoRefusal.TooLarge;
        }

        picture = new UploadedPicture(stream, codec);
        return LogoRefusal.None;
    }

    public void Dispose()
    {
        Codec.Dispose();
        _stream.Dispose();
    }
}

using System.IO.Compression;
using System.Text;
using SkiaSharp;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Images;
using VibeCoder.Rendering.Tests.Support;

namespace VibeCoder.Rendering.Tests;

public sealed class SlideJpegTests
{
    private static readonly SkiaSlideRenderer Renderer = new();

    [Fact]
    public void FromPng_Slide_IsJpegOfTheSameSizeAndColours()
    {
        byte[] png = Renderer.RenderSlide(SlideSamples.Typical(SlideKind.Content), 2, 5, new RenderOptions("mint", SlideSize.Portrait, "@jpg", null)).Png;

        byte[] jpeg = SlideJpeg.FromPng(png);

        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, jpeg[..3]);
        using SKCodec codec = SKCodec.Create(new SKMemoryStream(jpeg));
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        Assert.Equal(new SKSizeI(1080, 1350), codec.Info.Size);
        Assert.True(jpeg.Length < png.Length, $"JPEG {jpeg.Length} B is not smaller than the PNG {png.Length} B");
        using SKBitmap original = SKBitmap.Decode(png);
        using SKBitmap lossy = SKBitmap.Decode(jpeg);
        Assert.True(MeanAbsoluteError(original, lossy) < 2.0, "quality 90 should stay within 2 levels on average");
    }

    [Fact]
    public void FromPng_NotAnImage_Throws()
    {
        Assert.Throws<ArgumentException>(() => SlideJpeg.FromPng("not a picture"u8.ToArray()));
    }

    [Fact]
    public void CreateZip_JpegFormat_NamesSlidesJpg()
    {
        byte[][] slides = Enumerable.Range(0, 3).Select(i => new[] { (byte)i }).ToArray();

        using var archive = new ZipArchive(new MemoryStream(CarouselArchive.CreateZip(slides, SlideImageFormat.Jpeg, "c", [])), ZipArchiveMode.Read);

        Assert.Equal(["caption.txt", "slide-01.jpg", "slide-02.jpg", "slide-03.jpg"], archive.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RenderPdf_OpaqueLogo_IsEmbeddedAsJpegAtTheChosenQuality()
    {
        LogoImage logo = LogoImages.Prepare(GradientPng(128));
        var content = new CarouselContent("T", [SlideSamples.Typical(SlideKind.Cover), SlideSamples.Typical(SlideKind.Content)], "c", [], "en");
        var options = new RenderOptions("paper", SlideSize.Portrait, null, null, new BrandKit(LogoHash: logo.Hash));

        byte[] pdf = Renderer.RenderPdf(content, options, new SlideImages([new(logo.Hash, logo.Png)]));
        string withoutLogo = Encoding.Latin1.GetString(Renderer.RenderPdf(content, options, SlideImages.None));

        Assert.Contains("/DCTDecode", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.DoesNotContain("/DCTDecode", withoutLogo, StringComparison.Ordinal);

        // The metadata struct's zero default would mean quality 0 (measured ~15 levels off on this hard-edged test
        // logo); quality 90 gives ~5 (the blue checks' edges lose chroma at 4:2:0).
        using SKBitmap embedded = SKBitmap.Decode(EmbeddedJpeg(pdf));
        using SKBitmap original = SKBitmap.Decode(logo.Png);
        Assert.Equal(original.Width, embedded.Width);
        double error = MeanAbsoluteError(original, embedded);
        Assert.True(error < 8.0, $"the logo's JPEG in the PDF lost too much: {error:F2} levels on average");
    }

    private static byte[] GradientPng(int side)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (int y = 0; y < side; y++)
        {
            for (int x = 0; x < side; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 255 / side), (byte)(y * 255 / side), (byte)((x / 16 + y / 16) % 2 * 200)));
            }
        }

        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    // The image stream from its JPEG start marker on; the decoder stops at the end marker, so what follows is ignored.
    private static byte[] EmbeddedJpeg(byte[] pdf)
    {
        int start = pdf.AsSpan().IndexOf(new byte[] { 0xFF, 0xD8, 0xFF });
        Assert.True(start >= 0, "no JPEG in the PDF");
        return pdf[start..];
    }

    private static double MeanAbsoluteError(SKBitmap a, SKBitmap b)
    {
        long sum = 0;
        for (int y = 0; y < a.Height; y += 3)
        {
            for (int x = 0; x < a.Width; x += 3)
            {
                SKColor p = a.GetPixel(x, y);
                SKColor q = b.GetPixel(x, y);
                sum += Math.Abs(p.Red - q.Red) + Math.Abs(p.Green - q.Green) + Math.Abs(p.Blue - q.Blue);
            }
        }

        return sum / (3.0 * ((a.Height + 2) / 3) * ((a.Width + 2) / 3));
    }
}

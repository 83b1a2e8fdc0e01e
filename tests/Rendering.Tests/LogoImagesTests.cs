using SkiaSharp;
using VibeCoder.Rendering.Images;
using VibeCoder.Rendering.Tests.Support;

namespace VibeCoder.Rendering.Tests;

public sealed class LogoImagesTests
{
    [Fact]
    public void Prepare_LargeJpeg_DownscalesToAPngWithinTheLimits()
    {
        byte[] jpeg = TestPngs.Solid(1600, 800, SKColors.Orange, SKEncodedImageFormat.Jpeg);

        LogoImage logo = LogoImages.Prepare(jpeg);

        Assert.True(logo.IsAccepted);
        Assert.True(PngImage.HasSignature(logo.Png));
        Assert.Equal((256, 128), PngImage.ReadHeaderSize(logo.Png));
        Assert.True(logo.Png.Length <= LogoImages.MaxBytes);
        Assert.Equal(LogoImages.HashOf(logo.Png), logo.Hash);
        Assert.Equal((1600, 800), (logo.SourceWidth, logo.SourceHeight));
    }

    [Fact]
    public void Prepare_SmallPng_KeepsItsSize()
    {
        LogoImage logo = LogoImages.Prepare(TestPngs.Solid(100, 60, SKColors.Teal));

        Assert.Equal((100, 60), PngImage.ReadHeaderSize(logo.Png));
    }

    [Fact]
    public void Prepare_TenThousandSquaredHeader_IsRefusedFromTheHeader()
    {
        LogoImage logo = LogoImages.Prepare(TestPngs.HeaderOnly(10_000, 10_000));

        Assert.Equal(LogoRefusal.TooLarge, logo.Refusal);
        Assert.Equal((10_000, 10_000), (logo.SourceWidth, logo.SourceHeight));
        Assert.Empty(logo.Png);
    }

    [Fact]
    public void Prepare_Svg_IsRefusedAsSvg()
    {
        byte[] svg = System.Text.Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");

        Assert.Equal(LogoRefusal.Svg, LogoImages.Prepare(svg).Refusal);
    }

    [Theory]
    [InlineData("just some text")]
    [InlineData("%PDF-1.7 not a picture")]
    [InlineData("")]
    public void Prepare_NotAnImage_IsRefused(string text)
    {
        Assert.Equal(LogoRefusal.NotAnImage, LogoImages.Prepare(System.Text.Encoding.UTF8.GetBytes(text)).Refusal);
    }

    [Fact]
    public void Prepare_NoisyPhoto_StillFitsTheByteLimit()
    {
        using var bitmap = new SKBitmap(900, 900);
        var random = new Random(7);
        for (int y = 0; y < 900; y++)
        {
            for (int x = 0; x < 900; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }

        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100)!;
        LogoImage logo = LogoImages.Prepare(data.ToArray());

        Assert.True(logo.IsAccepted);
        Assert.True(logo.Png.Length <= LogoImages.MaxBytes, $"{logo.Png.Length} bytes");
    }
}

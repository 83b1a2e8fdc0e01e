using SkiaSharp;
using VibeCoder.Rendering.Images;
using VibeCoder.Rendering.Tests.Support;
using VibeCoder.TestServers.Images;

namespace VibeCoder.Rendering.Tests;

public sealed class LogoImagesTests
{
    [Fact]
    public void Prepare_LargeJpeg_DownscalesToAPngWithinTheLimits()
    {
        byte[] jpeg = TestPictures.Solid(1600, 800, SKColors.Orange, SKEncodedImageFormat.Jpeg);

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
        LogoImage logo = LogoImages.Prepare(TestPictures.Solid(100, 60, SKColors.Teal));

        Assert.Equal((100, 60), PngImage.ReadHeaderSize(logo.Png));
    }

    [Fact]
    public void Prepare_TenThousandSquaredHeader_IsRefusedFromTheHeader()
    {
        LogoImage logo = LogoImages.Prepare(TestPictures.HeaderOnly(10_000, 10_000));

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
    public void Prepare_JpegWithExifRotation_IsTurnedUpright()
    {
        // Left half red, right half blue, stored sideways: EXIF orientation 6 says "turn 90° clockwise to view".
        using var bitmap = new SKBitmap(200, 100);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, 100, 100, red);
        }

        using SKData jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95)!;
        LogoImage logo = LogoImages.Prepare(TestPictures.WithExifOrientation(jpeg.ToArray(), 6));

        Assert.Equal((100, 200), PngImage.ReadHeaderSize(logo.Png));
        PngImage upright = PngImage.Decode(logo.Png);
        Assert.True(upright.Pixel(50, 20).R > 200 && upright.Pixel(50, 20).B < 60, "the left (red) half should now be on top");
        Assert.True(upright.Pixel(50, 180).B > 200 && upright.Pixel(50, 180).R < 60, "the right (blue) half should now be at the bottom");
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

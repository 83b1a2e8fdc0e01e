using SkiaSharp;
using VibeCoder.Rendering.Images;
using VibeCoder.Rendering.Tests.Support;
using VibeCoder.TestServers.Images;

namespace VibeCoder.Rendering.Tests;

public sealed class BackgroundPhotosTests
{
    [Fact]
    public void Prepare_LandscapePhoto_KeepsTheWholePictureJustCoveringASlide()
    {
        BackgroundPhoto photo = BackgroundPhotos.Prepare(TestPictures.Solid(4000, 3000, SKColors.SeaGreen, SKEncodedImageFormat.Jpeg));

        Assert.True(photo.IsAccepted);
        Assert.Equal((1800, 1350), (photo.Width, photo.Height));
        Assert.Equal((4000, 3000), (photo.SourceWidth, photo.SourceHeight));
        using SKBitmap decoded = SKBitmap.Decode(photo.Jpeg);
        Assert.Equal((1800, 1350), (decoded.Width, decoded.Height));
        Assert.Equal(BackgroundPhotos.HashOf(photo.Jpeg), photo.Hash);
        Assert.True(photo.Jpeg.Length <= BackgroundPhotos.MaxBytes);
    }

    [Fact]
    public void Prepare_SmallPhoto_IsNotEnlarged()
    {
        BackgroundPhoto photo = BackgroundPhotos.Prepare(TestPictures.Solid(640, 480, SKColors.SteelBlue));

        Assert.Equal((640, 480), (photo.Width, photo.Height));
        Assert.Equal(0xFF, photo.Jpeg[0]); // stored as JPEG whatever came in
    }

    [Fact]
    public void Prepare_SameUpload_GivesTheSameKey()
    {
        byte[] upload = TestPictures.Solid(1500, 2000, SKColors.Coral, SKEncodedImageFormat.Jpeg);

        Assert.Equal(BackgroundPhotos.Prepare(upload).Hash, BackgroundPhotos.Prepare(upload).Hash);
    }

    [Fact]
    public void Prepare_TenThousandSquaredHeader_IsRefusedFromTheHeader()
    {
        BackgroundPhoto photo = BackgroundPhotos.Prepare(TestPictures.HeaderOnly(10_000, 10_000));

        Assert.Equal(LogoRefusal.TooLarge, photo.Refusal);
        Assert.Equal((10_000, 10_000), (photo.SourceWidth, photo.SourceHeight));
        Assert.Empty(photo.Jpeg);
    }

    [Fact]
    public void Prepare_Svg_IsRefusedAsSvg()
    {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"u8.ToArray();

        Assert.Equal(LogoRefusal.Svg, BackgroundPhotos.Prepare(svg).Refusal);
    }

    [Fact]
    public void Prepare_NotAnImage_IsRefused()
    {
        Assert.Equal(LogoRefusal.NotAnImage, BackgroundPhotos.Prepare("%PDF-1.7 not a picture"u8.ToArray()).Refusal);
    }

    [Fact]
    public void Prepare_OverTwentyMegabytes_IsRefusedWithoutDecoding()
    {
        var upload = new byte[BackgroundPhotos.MaxUploadBytes + 1];

        Assert.Equal(LogoRefusal.TooLarge, BackgroundPhotos.Prepare(upload).Refusal);
    }

    [Fact]
    public void Prepare_TransparentPng_IsFlattenedOntoBlack()
    {
        BackgroundPhoto photo = BackgroundPhotos.Prepare(TestPictures.Solid(200, 200, SKColors.Transparent));

        using SKBitmap decoded = SKBitmap.Decode(photo.Jpeg);
        SKColor pixel = decoded.GetPixel(100, 100);
        Assert.True(pixel.Red < 10 && pixel.Green < 10 && pixel.Blue < 10, pixel.ToString());
    }

    [Fact]
    public void Prepare_JpegWithExifRotation_IsTurnedUpright()
    {
        using var bitmap = new SKBitmap(2000, 1000);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, 1000, 1000, red);
        }

        using SKData jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95)!;
        BackgroundPhoto photo = BackgroundPhotos.Prepare(TestPictures.WithExifOrientation(jpeg.ToArray(), 6));

        Assert.True(photo.Width < photo.Height, $"{photo.Width}×{photo.Height}");
        using SKBitmap upright = SKBitmap.Decode(photo.Jpeg);
        Assert.True(upright.GetPixel(upright.Width / 2, 40).Red > 200, "the left (red) half should now be on top");
        Assert.True(upright.GetPixel(upright.Width / 2, upright.Height - 40).Blue > 200, "the right (blue) half should now be at the bottom");
    }
}

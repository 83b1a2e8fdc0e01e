using System.IO.Compression;
using SkiaSharp;
using VibeCoder.Rendering.Png;
using VibeCoder.Rendering.Tests.Support;

namespace VibeCoder.Rendering.Tests;

public sealed class PngWriterTests
{
    // 37 pixels: the vector path (four pixels a step) and the scalar tail both run; 8 spare bytes end each row.
    [Theory]
    [InlineData(37, 23, 37 * 4 + 8)]
    [InlineData(1, 1, 4)]
    [InlineData(1080, 3, 1080 * 4)]
    public void EncodeRgb_AnyPixels_DecodeToTheSameRgb(int width, int height, int rowBytes)
    {
        byte[] rgba = new byte[rowBytes * height];
        new Random(width * height).NextBytes(rgba);

        byte[] png = PngWriter.EncodeRgb(rgba, width, height, rowBytes, new ZLibCompressionOptions { CompressionLevel = 1 });

        PngImage decoded = PngImage.Decode(png);
        using SKBitmap skia = SKBitmap.Decode(png);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        Assert.Equal((width, height), (skia.Width, skia.Height));
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int at = (y * rowBytes) + (x * 4);
                (byte r, byte g, byte b, byte a) = decoded.Pixel(x, y);
                Assert.Equal((rgba[at], rgba[at + 1], rgba[at + 2], (byte)255), (r, g, b, a));
                Assert.Equal(new SKColor(rgba[at], rgba[at + 1], rgba[at + 2]), skia.GetPixel(x, y));
            }
        }
    }

    [Fact]
    public void EncodeRgb_BufferSmallerThanImage_Throws() =>
        Assert.Throws<ArgumentException>(() => PngWriter.EncodeRgb(new byte[10], 2, 2, 8, new ZLibCompressionOptions()));
}

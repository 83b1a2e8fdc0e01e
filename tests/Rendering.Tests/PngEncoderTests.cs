using VibeCoder.Rendering.Png;
using VibeCoder.Rendering.Tests.Support;

namespace VibeCoder.Rendering.Tests;

public sealed class PngEncoderTests
{
    [Fact]
    public void Crc32_StandardCheckValue_Matches()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(Crc32.Compute("hello world"u8), Crc32.Append(Crc32.Compute("hello "u8), "world"u8));
    }

    [Fact]
    public void EncodeRgb24_OddWidthWithStridePadding_DecodesToTheSamePixels()
    {
        const int width = 37;
        const int height = 11;
        const int stride = 160;
        var pixels = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int i = (y * stride) + (x * 4);
                pixels[i] = (byte)(x * 7);       // B
                pixels[i + 1] = (byte)(y * 23);  // G
                pixels[i + 2] = (byte)(x ^ y);   // R
                pixels[i + 3] = 0xEE;            // unused in RGB24
            }
        }

        PngImage image = PngImage.Decode(PngEncoder.EncodeRgb24(pixels, width, height, stride));

        Assert.Equal((width, height), (image.Width, image.Height));
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                Assert.Equal(((byte)(x ^ y), (byte)(y * 23), (byte)(x * 7), (byte)255), image.Pixel(x, y));
            }
        }
    }

    [Fact]
    public void EncodeArgb32_PremultipliedTranslucentPixels_AreUnpremultiplied()
    {
        // B, G, R, A premultiplied: half-transparent pure red, fully transparent, opaque blue-ish grey.
        byte[] pixels = [0, 0, 128, 128, 0, 0, 0, 0, 200, 100, 50, 255, 10, 20, 30, 60];

        PngImage image = PngImage.Decode(PngEncoder.EncodeArgb32(pixels, 4, 1, 16));

        Assert.Equal(((byte)255, (byte)0, (byte)0, (byte)128), image.Pixel(0, 0));
        Assert.Equal(((byte)0, (byte)0, (byte)0, (byte)0), image.Pixel(1, 0));
        Assert.Equal(((byte)50, (byte)100, (byte)200, (byte)255), image.Pixel(2, 0));
        Assert.Equal(((byte)128, (byte)85, (byte)43, (byte)60), image.Pixel(3, 0));
    }

    [Fact]
    public void EncodeRgb24_BufferTooSmall_Throws()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.EncodeRgb24(new byte[100], 10, 10, 40));
    }
}

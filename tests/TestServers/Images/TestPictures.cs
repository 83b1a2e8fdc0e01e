using System.Buffers.Binary;
using SkiaSharp;

namespace VibeCoder.TestServers.Images;

/// <summary>Pictures for upload and rendering tests: real encoded images, and a PNG header that claims any size.</summary>
public static class TestPictures
{
    /// <summary>A solid-colour PNG of the given size.</summary>
    public static byte[] Solid(int width, int height, SKColor color, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using SKData data = bitmap.Encode(format, 90) ?? throw new InvalidOperationException("encode failed");
        return data.ToArray();
    }

    /// <summary>
    /// Left half red, right half blue: which half a crop shows tells where it was centred. With
    /// <paramref name="noise"/> the pixels vary (darker red and blue, still told apart), so a PNG barely compresses and
    /// makes a large upload.
    /// </summary>
    public static byte[] Halves(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg, bool noise = false)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        if (!noise)
        {
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2, height, red);
        }
        else
        {
            var random = new Random(13);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var jitter = (byte)random.Next(64);
                    bitmap.SetPixel(x, y, x < width / 2 ? new SKColor((byte)(191 + jitter), jitter, jitter) : new SKColor(jitter, jitter, (byte)(191 + jitter)));
                }
            }
        }

        using SKData data = bitmap.Encode(format, 92) ?? throw new InvalidOperationException("encode failed");
        return data.ToArray();
    }

    /// <summary>
    /// A PNG whose header says <paramref name="width"/>×<paramref name="height"/> but which carries almost no pixel
    /// data: a decoder that trusts the header before checking it would allocate gigabytes.
    /// </summary>
    public static byte[] HeaderOnly(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The JPEG with an EXIF APP1 segment (right after SOI) carrying only an orientation tag.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        // "Exif\0\0", a little-endian TIFF header, one IFD with one SHORT entry (0x0112 = orientation), no next IFD.
        byte[] tiff =
        [
            (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0,
            1, 0,
            0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, (byte)(orientation >> 8), 0, 0,
            0, 0, 0, 0,
        ];
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        int length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        byte[] typeAndData = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        stream.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}

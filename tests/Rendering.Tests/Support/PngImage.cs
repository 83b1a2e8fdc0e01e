using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace VibeCoder.Rendering.Tests.Support;

/// <summary>
/// A small, strict PNG decoder for 8-bit RGB and RGBA images (what the renderer writes): checks the signature and
/// every chunk CRC, inflates IDAT and undoes all five row filters. Independent of the code under test.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Straight (not premultiplied) RGBA, row-major.</summary>
    public byte[] Rgba { get; }

    public static bool HasSignature(byte[] png) => png.AsSpan().StartsWith(Signature);

    /// <summary>Width and height from IHDR, which must be the first chunk.</summary>
    public static (int Width, int Height) ReadHeaderSize(byte[] png)
    {
        if (!HasSignature(png) || Encoding.ASCII.GetString(png, 12, 4) != "IHDR")
        {
            throw new InvalidDataException("Not a PNG starting with IHDR.");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    public static PngImage Decode(byte[] png)
    {
        if (!HasSignature(png))
        {
            throw new InvalidDataException("PNG signature missing.");
        }

        int position = 8;
        int width = 0;
        int height = 0;
        int channels = 0;
        bool ended = false;
        using var idat = new MemoryStream();
        while (!ended)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            string type = Encoding.ASCII.GetString(png, position + 4, 4);
            ReadOnlySpan<byte> data = png.AsSpan(position + 8, length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + length));
            if (crc != Crc(png.AsSpan(position + 4, length + 4)))
            {
                throw new InvalidDataException($"Bad CRC in chunk {type}.");
            }

            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    if (data[8] != 8 || data[12] != 0)
                    {
                        throw new InvalidDataException("Only 8-bit, non-interlaced images are supported.");
                    }

                    channels = data[9] switch
                    {
                        2 => 3,
                        6 => 4,
                        _ => throw new InvalidDataException($"Colour type {data[9]} not supported."),
                    };
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }

            position += 12 + length;
        }

        int rowBytes = width * channels;
        byte[] raw = Inflate(idat.ToArray());
        if (raw.Length != (rowBytes + 1) * height)
        {
            throw new InvalidDataException($"Inflated {raw.Length} bytes, expected {(rowBytes + 1) * height}.");
        }

        var rgba = new byte[width * height * 4];
        var previous = new byte[rowBytes];
        var current = new byte[rowBytes];
        for (int y = 0; y < height; y++)
        {
            byte filter = raw[y * (rowBytes + 1)];
            raw.AsSpan((y * (rowBytes + 1)) + 1, rowBytes).CopyTo(current);
            Unfilter(filter, current, previous, channels);
            for (int x = 0; x < width; x++)
            {
                int target = ((y * width) + x) * 4;
                rgba[target] = current[x * channels];
                rgba[target + 1] = current[(x * channels) + 1];
                rgba[target + 2] = current[(x * channels) + 2];
                rgba[target + 3] = channels == 4 ? current[(x * channels) + 3] : (byte)255;
            }

            (previous, current) = (current, previous);
        }

        return new PngImage(width, height, rgba);
    }

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        int i = ((y * Width) + x) * 4;
        return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
    }

    public int DistinctColors()
    {
        // A bit per 24-bit colour: 2 MB, and far faster than a hash set over 1.5 million pixels.
        var seen = new ulong[(1 << 24) / 64];
        int count = 0;
        for (int i = 0; i < Rgba.Length; i += 4)
        {
            int color = Rgba[i] | (Rgba[i + 1] << 8) | (Rgba[i + 2] << 16);
            ulong bit = 1UL << (color & 63);
            if ((seen[color >> 6] & bit) == 0)
            {
                seen[color >> 6] |= bit;
                count++;
            }
        }

        return count;
    }

    /// <summary>Pixels whose brightness differs from <paramref name="reference"/> by more than <paramref name="threshold"/> (0–255).</summary>
    public int CountContrasting((byte R, byte G, byte B, byte A) reference, int threshold)
    {
        int referenceLuma = Luma(reference.R, reference.G, reference.B);
        int count = 0;
        for (int i = 0; i < Rgba.Length; i += 4)
        {
            if (Math.Abs(Luma(Rgba[i], Rgba[i + 1], Rgba[i + 2]) - referenceLuma) > threshold)
            {
                count++;
            }
        }

        return count;
    }

    private static int Luma(int r, int g, int b) => ((r * 299) + (g * 587) + (b * 114)) / 1000;

    private static byte[] Inflate(byte[] zlib)
    {
        using var input = new MemoryStream(zlib);
        using var inflater = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }

    private static void Unfilter(byte filter, byte[] row, byte[] above, int bpp)
    {
        // One loop per filter type: the per-byte switch made decoding the slowest part of the suite.
        switch (filter)
        {
            case 0:
                break;
            case 1:
                for (int i = bpp; i < row.Length; i++)
                {
                    row[i] += row[i - bpp];
                }

                break;
            case 2:
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] += above[i];
                }

                break;
            case 3:
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] += (byte)(((i >= bpp ? row[i - bpp] : 0) + above[i]) / 2);
                }

                break;
            case 4:
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] += (byte)Paeth(i >= bpp ? row[i - bpp] : 0, above[i], i >= bpp ? above[i - bpp] : 0);
                }

                break;
            default:
                throw new InvalidDataException($"Unknown filter {filter}.");
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a);
        int pb = Math.Abs(p - b);
        int pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    // Bitwise CRC-32, deliberately not the renderer's table-driven one.
    private static uint Crc(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
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

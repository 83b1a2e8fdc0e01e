using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.Intrinsics;

namespace VibeCoder.Rendering.Png;

/// <summary>
/// Encodes cairo image-surface pixels as PNG. cairo's own encoder (libpng at its default level) costs ~40 ms for a
/// slide; this one converts with SIMD, applies the "Up" filter (flat backgrounds and vertical gradients become
/// zeros) and deflates once with zlib's fastest level.
/// </summary>
internal static class PngEncoder
{
    private const byte FilterUp = 2;
    private const byte ColorTypeRgb = 2;
    private const byte ColorTypeRgba = 6;

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes a CAIRO_FORMAT_RGB24 surface (native-endian xRGB words, i.e. B,G,R,x bytes) as an RGB PNG.</summary>
    public static byte[] EncodeRgb24(ReadOnlySpan<byte> pixels, int width, int height, int stride) =>
        Encode(pixels, width, height, stride, ColorTypeRgb);

    /// <summary>Encodes a CAIRO_FORMAT_ARGB32 surface (premultiplied B,G,R,A bytes) as an RGBA PNG.</summary>
    public static byte[] EncodeArgb32(ReadOnlySpan<byte> pixels, int width, int height, int stride) =>
        Encode(pixels, width, height, stride, ColorTypeRgba);

    private static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int stride, byte colorType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width * 4);
        if (pixels.Length < ((long)stride * (height - 1)) + (width * 4))
        {
            throw new ArgumentException("The pixel buffer is smaller than width, height and stride say.", nameof(pixels));
        }

        int channels = colorType == ColorTypeRgb ? 3 : 4;
        int rowBytes = width * channels;

        // The converted rows carry 16 bytes of slack: the SIMD conversion writes whole vectors.
        byte[] filtered = ArrayPool<byte>.Shared.Rent((rowBytes + 1) * height);
        byte[] rows = ArrayPool<byte>.Shared.Rent((2 * rowBytes) + 32);
        try
        {
            Span<byte> previous = rows.AsSpan(0, rowBytes + 16);
            Span<byte> current = rows.AsSpan(rowBytes + 16, rowBytes + 16);
            previous.Clear();
            for (int y = 0; y < height; y++)
            {
                ReadOnlySpan<byte> source = pixels.Slice(y * stride, width * 4);
                if (channels == 3)
                {
                    ConvertXrgbToRgb(source, current);
                }
                else
                {
                    ConvertPremultipliedArgbToRgba(source, current);
                }

                Span<byte> target = filtered.AsSpan(y * (rowBytes + 1), rowBytes + 1);
                target[0] = FilterUp;
                SubtractRows(current[..rowBytes], previous[..rowBytes], target[1..]);
                Span<byte> swap = previous;
                previous = current;
                current = swap;
            }

            return WritePng(filtered.AsSpan(0, (rowBytes + 1) * height), width, height, colorType);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rows);
            ArrayPool<byte>.Shared.Return(filtered);
        }
    }

    private static byte[] WritePng(ReadOnlySpan<byte> filteredRows, int width, int height, byte colorType)
    {
        using var compressed = new MemoryStream(filteredRows.Length / 8);
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(filteredRows);
        }

        var png = new MemoryStream((int)compressed.Length + 64);
        png.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;          // bit depth
        header[9] = colorType;
        header[10] = 0;         // deflate
        header[11] = 0;         // adaptive filtering
        header[12] = 0;         // no interlace
        WriteChunk(png, "IHDR"u8, header);
        WriteChunk(png, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(type);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Compute(type), data));
        png.Write(word);
    }

    /// <summary>B,G,R,x → R,G,B. <paramref name="target"/> needs 16 bytes of slack after the row.</summary>
    internal static void ConvertXrgbToRgb(ReadOnlySpan<byte> source, Span<byte> target)
    {
        int pixels = source.Length / 4;
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // Four pixels per step: 16 source bytes become 12; the last 4 lanes are overwritten by the next step.
            Vector128<byte> shuffle = Vector128.Create((byte)2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, 0x80, 0x80, 0x80, 0x80);
            for (; i + 4 <= pixels; i += 4)
            {
                Vector128<byte> bgrx = Vector128.Create(source.Slice(i * 4, 16));
                Vector128.Shuffle(bgrx, shuffle).CopyTo(target.Slice(i * 3, 16));
            }
        }

        for (; i < pixels; i++)
        {
            target[(i * 3) + 0] = source[(i * 4) + 2];
            target[(i * 3) + 1] = source[(i * 4) + 1];
            target[(i * 3) + 2] = source[(i * 4) + 0];
        }
    }

    /// <summary>Premultiplied B,G,R,A → straight R,G,B,A.</summary>
    internal static void ConvertPremultipliedArgbToRgba(ReadOnlySpan<byte> source, Span<byte> target)
    {
        for (int i = 0; i < source.Length; i += 4)
        {
            int alpha = source[i + 3];
            if (alpha == 0)
            {
                target.Slice(i, 4).Clear();
                continue;
            }

            target[i + 0] = Unpremultiply(source[i + 2], alpha);
            target[i + 1] = Unpremultiply(source[i + 1], alpha);
            target[i + 2] = Unpremultiply(source[i + 0], alpha);
            target[i + 3] = (byte)alpha;
        }
    }

    private static byte Unpremultiply(byte channel, int alpha) =>
        (byte)Math.Min(255, ((channel * 255) + (alpha / 2)) / alpha);

    /// <summary>PNG "Up" filter: each byte minus the byte above it, modulo 256.</summary>
    private static void SubtractRows(ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, Span<byte> target)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<byte>.Count <= current.Length; i += Vector256<byte>.Count)
            {
                (Vector256.Create(current[i..]) - Vector256.Create(previous[i..])).CopyTo(target[i..]);
            }
        }

        for (; i < current.Length; i++)
        {
            target[i] = (byte)(current[i] - previous[i]);
        }
    }
}

using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.Intrinsics;

namespace VibeCoder.Rendering.Png;

/// <summary>
/// Writes an opaque RGBA bitmap as an 8-bit RGB PNG, every row with the "up" filter, compressed by .NET's zlib
/// (zlib-ng). Faster than Skia's encoder at the same settings: the filter and the RGBA→RGB packing run sixteen
/// bytes a step, and zlib-ng's fastest level is quicker than classic zlib's. Same pixels, same bytes.
/// </summary>
internal static class PngWriter
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes <paramref name="rgba"/> (rows of <paramref name="rowBytes"/>, R, G, B, A bytes, alpha ignored).</summary>
    /// <param name="rgba">The pixels.</param>
    /// <param name="width">Pixels per row.</param>
    /// <param name="height">Rows.</param>
    /// <param name="rowBytes">Bytes from one row's start to the next's, at least 4 × width.</param>
    /// <param name="compression">The zlib level (0–9) and strategy.</param>
    public static byte[] EncodeRgb(ReadOnlySpan<byte> rgba, int width, int height, int rowBytes, ZLibCompressionOptions compression)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowBytes, width * 4);
        if (rgba.Length < ((long)rowBytes * (height - 1)) + (width * 4))
        {
            throw new ArgumentException("The pixel buffer is smaller than the image.", nameof(rgba));
        }

        using var output = new MemoryStream(capacity: (width * height) / 2);
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour (RGB)
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering (one filter byte per row)
        header[12] = 0; // not interlaced
        WriteChunk(output, "IHDR"u8, header);

        // The IDAT chunk's length is known only after compressing into place: reserve it, then fill it in.
        long lengthAt = output.Position;
        output.Write("\0\0\0\0IDAT"u8);
        long dataAt = output.Position;
        int rowLength = 1 + (width * 3);

        // Four spare bytes: the packing step stores sixteen bytes to advance twelve.
        byte[] row = new byte[rowLength + 4];
        using (var zlib = new ZLibStream(output, compression, leaveOpen: true))
        {
            for (int y = 0; y < height; y++)
            {
                ReadOnlySpan<byte> current = rgba.Slice(y * rowBytes, width * 4);
                ReadOnlySpan<byte> above = y == 0 ? default : rgba.Slice((y - 1) * rowBytes, width * 4);
                FilterUp(current, above, row);
                zlib.Write(row, 0, rowLength);
            }
        }

        int dataLength = checked((int)(output.Position - dataAt));
        byte[] buffer = output.GetBuffer();
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan((int)lengthAt), dataLength);
        uint crc = Crc32.Append(0, buffer.AsSpan((int)lengthAt + 4, 4 + dataLength));
        Span<byte> crcBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc);
        output.Write(crcBytes);

        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    // Filter type 2 ("up"): each byte minus the byte above it (zero above the first row), alpha dropped.
    private static void FilterUp(ReadOnlySpan<byte> current, ReadOnlySpan<byte> above, Span<byte> row)
    {
        row[0] = 2;
        Span<byte> pixels = row[1..];
        int width = current.Length / 4;
        int x = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // Bytes 0-2, 4-6, 8-10, 12-14 (RGB of four pixels) to the front; 0x80 selects zero.
            Vector128<byte> pack = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80);
            for (; x + 4 <= width && x * 3 + 16 <= pixels.Length; x += 4)
            {
                Vector128<byte> value = Vector128.Create(current.Slice(x * 4, 16));
                if (!above.IsEmpty)
                {
                    value -= Vector128.Create(above.Slice(x * 4, 16));
                }

                Vector128.Shuffle(value, pack).CopyTo(pixels[(x * 3)..]);
            }
        }

        for (; x < width; x++)
        {
            for (int channel = 0; channel < 3; channel++)
            {
                int at = (x * 4) + channel;
                pixels[(x * 3) + channel] = (byte)(current[at] - (above.IsEmpty ? 0 : above[at]));
            }
        }
    }

    private static void WriteChunk(MemoryStream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Append(0, type), data));
        output.Write(word);
    }
}

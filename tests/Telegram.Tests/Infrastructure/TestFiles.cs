using System.Buffers.Binary;
using Telegram.Bot.Types;

namespace VibeCoder.Telegram.Bot.Tests.Infrastructure;

/// <summary>Upload payloads: a PNG header with real dimensions (enough for the stand-in to read) padded to a size.</summary>
internal static class TestFiles
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static byte[] PngBytes(int size = 4096, int width = 1080, int height = 1350)
    {
        var bytes = new byte[size];
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }

    /// <summary>A PNG upload from memory.</summary>
    public static InputFileStream Png(string fileName = "slide-1.png", int size = 4096) =>
        InputFile.FromStream(new MemoryStream(PngBytes(size)), fileName);
}

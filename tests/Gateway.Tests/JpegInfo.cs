using System.Buffers.Binary;

namespace VibeCoder.Gateway.Tests;

/// <summary>Reads a JPEG's start marker and frame header: enough to check what the API served.</summary>
public static class JpegInfo
{
    public static (int Width, int Height) Size(byte[] jpeg)
    {
        Assert.True(jpeg.Length > 4, "JPEG too short");
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, jpeg[..3]);

        // Segments follow the start marker, each FF xx and a big-endian length that counts itself;
        // the frame header (SOF0–SOF2) carries height then width.
        int at = 2;
        while (at + 9 < jpeg.Length)
        {
            Assert.Equal(0xFF, jpeg[at]);
            byte marker = jpeg[at + 1];
            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            if (marker is 0xC0 or 0xC1 or 0xC2)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 7)), BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 5)));
            }

            at += 2 + length;
        }

        Assert.Fail("no frame header in the JPEG");
        return default;
    }
}

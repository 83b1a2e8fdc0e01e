using System.Buffers.Binary;

namespace VibeCoder.Gateway.Tests;

/// <summary>Reads a PNG's signature and header: enough to check what the API served.</summary>
public static class PngInfo
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static (int Width, int Height) Size(byte[] png)
    {
        Assert.True(png.Length > 33, "PNG too short");
        Assert.Equal(Signature, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}

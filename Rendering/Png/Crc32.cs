namespace VibeCoder.Rendering.Png;

/// <summary>
/// CRC-32 (ISO 3309 / ITU-T V.42, polynomial 0xEDB88320) as PNG chunks need it. The BCL keeps its own copy
/// internal and System.IO.Hashing is not on our package feed; slicing-by-8 keeps it far below the cost of deflate.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = CreateTable();

    /// <summary>Continues a CRC over <paramref name="data"/>; start with 0.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint[] table = Table;
        crc = ~crc;
        while (data.Length >= 8)
        {
            uint low = crc ^ (uint)(data[0] | (data[1] << 8) | (data[2] << 16) | (data[3] << 24));
            uint high = (uint)(data[4] | (data[5] << 8) | (data[6] << 16) | (data[7] << 24));
            crc = table[(7 * 256) + (low & 0xFF)] ^ table[(6 * 256) + ((low >> 8) & 0xFF)]
                ^ table[(5 * 256) + ((low >> 16) & 0xFF)] ^ table[(4 * 256) + (low >> 24)]
                ^ table[(3 * 256) + (high & 0xFF)] ^ table[(2 * 256) + ((high >> 8) & 0xFF)]
                ^ table[256 + ((high >> 16) & 0xFF)] ^ table[high >> 24];
            data = data[8..];
        }

        foreach (byte b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    private static uint[] CreateTable()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        // Table k answers "CRC of this byte followed by k zero bytes", which lets 8 bytes be folded at once.
        for (int slice = 1; slice < 8; slice++)
        {
            for (int n = 0; n < 256; n++)
            {
                uint previous = table[((slice - 1) * 256) + n];
                table[(slice * 256) + n] = table[previous & 0xFF] ^ (previous >> 8);
            }
        }

        return table;
    }
}

namespace VibeCoder.Rendering.Png;

/// <summary>
/// CRC-32 as PNG chunks use it (ISO 3309, reflected polynomial 0xEDB88320), eight bytes a step ("slicing by 8"),
/// so checking a slide's compressed data costs a fraction of a millisecond.
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

        foreach (byte value in data)
        {
            crc = table[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            uint crc = i;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }

            table[i] = crc;
        }

        for (int slice = 1; slice < 8; slice++)
        {
            for (int i = 0; i < 256; i++)
            {
                uint previous = table[((slice - 1) * 256) + i];
                table[(slice * 256) + i] = table[previous & 0xFF] ^ (previous >> 8);
            }
        }

        return table;
    }
}

namespace VibeCoder.Rendering.Fonts;

/// <summary>
/// Which grapheme clusters are emoji to be drawn in colour: the Unicode Emoji_Presentation property (emoji-data.txt,
/// Unicode 15.1) plus the sequences that force emoji presentation (U+FE0F, ZWJ sequences, skin tones, flags and
/// keycaps). A text-presentation character such as "☺" or "✔" stays in the text font unless U+FE0F follows it.
/// </summary>
internal static class EmojiPresentation
{
    // Inclusive ranges, sorted, of code points whose default presentation is emoji.
    private static readonly (int First, int Last)[] Ranges =
    [
        (0x231A, 0x231B), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615),
        (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE),
        (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5),
        (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728), (0x274C, 0x274C),
        (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797), (0x27B0, 0x27B0), (0x27BF, 0x27BF),
        (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F1E6, 0x1F1FF),
        (0x1F201, 0x1F201), (0x1F21A, 0x1F21A), (0x1F22F, 0x1F22F), (0x1F232, 0x1F236), (0x1F238, 0x1F23A),
        (0x1F250, 0x1F251), (0x1F300, 0x1F320), (0x1F32D, 0x1F335), (0x1F337, 0x1F37C), (0x1F37E, 0x1F393),
        (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E),
        (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567),
        (0x1F57A, 0x1F57A), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5),
        (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D7), (0x1F6DC, 0x1F6DF), (0x1F6EB, 0x1F6EC),
        (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB), (0x1F7F0, 0x1F7F0), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945),
        (0x1F947, 0x1F9FF), (0x1FA70, 0x1FA7C), (0x1FA80, 0x1FA89), (0x1FA8F, 0x1FAC6), (0x1FACE, 0x1FADC),
        (0x1FADF, 0x1FAE9), (0x1FAF0, 0x1FAF8),
    ];

    /// <summary>True when the grapheme cluster should be drawn with the colour emoji font.</summary>
    public static bool IsEmoji(ReadOnlySpan<char> cluster)
    {
        int first = -1;
        foreach (System.Text.Rune rune in cluster.EnumerateRunes())
        {
            int value = rune.Value;
            if (first < 0)
            {
                first = value;
                continue;
            }

            switch (value)
            {
                case 0xFE0E:
                    return false;
                case 0xFE0F or 0x200D or 0x20E3:
                    return true;
                case >= 0x1F3FB and <= 0x1F3FF:
                    return true;
            }
        }

        return first >= 0 && HasEmojiPresentation(first);
    }

    /// <summary>The Emoji_Presentation property of one code point.</summary>
    public static bool HasEmojiPresentation(int codePoint)
    {
        if (codePoint < Ranges[0].First)
        {
            return false;
        }

        int low = 0;
        int high = Ranges.Length - 1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            (int first, int last) = Ranges[middle];
            if (codePoint < first)
            {
                high = middle - 1;
            }
            else if (codePoint > last)
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Default-ignorable code points (joiners, variation selectors, bidi controls, tags…): HarfBuzz draws them as
    /// nothing, so a font need not have them to draw the cluster they sit in.
    /// </summary>
    public static bool IsIgnorable(int codePoint) => codePoint is 0x00AD or 0x034F or 0x061C or (>= 0x115F and <= 0x1160)
        or (>= 0x17B4 and <= 0x17B5) or (>= 0x180B and <= 0x180F) or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E)
        or (>= 0x2060 and <= 0x206F) or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFEFF or 0xFFA0 or (>= 0xFFF0 and <= 0xFFF8)
        or (>= 0x1BCA0 and <= 0x1BCA3) or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);
}

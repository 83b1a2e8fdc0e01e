using System.Globalization;
using System.Text;

namespace VibeCoder.Rendering.Text;

/// <summary>
/// Makes user text safe to lay out: no control characters (they have no glyphs), normalised line
/// breaks and a length cap. The cap matters for speed only: a slide cannot show more than a couple of thousand
/// characters at the smallest size, and auto-fit lays the text out several times.
/// </summary>
internal static class TextSanitizer
{
    /// <summary>More characters than any text area can show at its minimum size.</summary>
    public const int DefaultMaxCharacters = 2400;

    private const char Ellipsis = '\u2026';

    /// <summary>Cleans <paramref name="text"/>; line breaks are kept unless <paramref name="singleLine"/>.</summary>
    public static string Clean(string? text, bool singleLine = false, int maxCharacters = DefaultMaxCharacters)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxCharacters + 1));
        int newlines = 0;
        bool previousWasCarriageReturn = false;
        bool truncated = false;
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (builder.Length >= maxCharacters)
            {
                truncated = true;
                break;
            }

            if (rune.Value is '\n' or '\r' or 0x2028 or 0x2029 or 0x0B or 0x0C or 0x85)
            {
                // "\r\n" counts once; more than one empty line in a row only wastes space.
                bool secondHalfOfCrLf = rune.Value == '\n' && previousWasCarriageReturn;
                previousWasCarriageReturn = rune.Value == '\r';
                if (secondHalfOfCrLf)
                {
                    continue;
                }

                newlines++;
                if (singleLine)
                {
                    AppendSpace(builder);
                }
                else if (newlines <= 2)
                {
                    TrimTrailingSpaces(builder);
                    builder.Append('\n');
                }

                continue;
            }

            previousWasCarriageReturn = false;
            if (rune.Value == '\t')
            {
                AppendSpace(builder);
                continue;
            }

            UnicodeCategory category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse)
            {
                continue;
            }

            newlines = 0;
            builder.Append(rune.ToString());
        }

        string cleaned = builder.ToString().Trim();
        return truncated ? TrimToWord(cleaned) + Ellipsis : cleaned;
    }

    private static void AppendSpace(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] is not (' ' or '\n'))
        {
            builder.Append(' ');
        }
    }

    private static void TrimTrailingSpaces(StringBuilder builder)
    {
        while (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }
    }

    // Cut back to the last space in the final 40 characters so the ellipsis does not split a word.
    private static string TrimToWord(string text)
    {
        int space = text.LastIndexOf(' ');
        string cut = space > text.Length - 40 && space > 0 ? text[..space] : text;
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd();
    }
}

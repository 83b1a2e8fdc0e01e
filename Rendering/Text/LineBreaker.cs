namespace VibeCoder.Rendering.Text;

/// <summary>
/// Greedy line breaking over a <see cref="ShapedText"/>: each line takes as many words as fit; a word is split (at a
/// grapheme and glyph-cluster boundary) only when it does not fit a line on its own. Line breaks in the text always
/// end a line. Widths come from the shaped advances, so what is measured is exactly what is drawn.
/// </summary>
internal static class LineBreaker
{
    /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/> (reference-size units).</summary>
    public static List<TextLine> Break(ShapedText text, float maxWidth)
    {
        var lines = new List<TextLine>();
        string chars = text.Text;
        int n = chars.Length;
        int start = 0;
        while (start < n)
        {
            int lastBreak = -1;
            int lastFit = -1;
            int end = n;
            int next = n;
            for (int j = start + 1; j <= n; j++)
            {
                if (!text.Boundary[j])
                {
                    continue;
                }

                if (chars[j - 1] == '\n')
                {
                    end = j - 1;
                    next = j;
                    break;
                }

                if (text.Width(start, TrimEnd(chars, start, j)) <= maxWidth)
                {
                    lastFit = j;
                    if (text.BreakAfter[j])
                    {
                        lastBreak = j;
                    }

                    continue;
                }

                // j overflows: end at the last word boundary, else split the word where it stopped fitting, else (one
                // cluster wider than the line) let the cluster stand alone; auto-fit then shrinks the text.
                end = lastBreak > start ? lastBreak : lastFit > start ? lastFit : j;
                next = end;
                break;
            }

            int trimmed = TrimEnd(chars, start, end);
            lines.Add(new TextLine(start, trimmed, text.Width(start, trimmed)));
            start = next;
        }

        return lines;
    }

    private static int TrimEnd(string chars, int start, int end)
    {
        while (end > start && chars[end - 1] is ' ' or '\u200B' or '\n')
        {
            end--;
        }

        return end;
    }
}

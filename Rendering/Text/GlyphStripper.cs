using VibeCoder.Rendering.Native;

namespace VibeCoder.Rendering.Text;

/// <summary>
/// Removes from laid-out text the clusters that no installed font can draw (pango marks their glyphs with
/// PANGO_GLYPH_UNKNOWN_FLAG and would draw them as boxes). Typically emoji when no emoji font is installed.
/// </summary>
internal static unsafe class GlyphStripper
{
    /// <summary>Returns the text without the clusters whose glyphs are unknown in <paramref name="layout"/>.</summary>
    /// <param name="layout">A layout showing all of <paramref name="utf8"/> (no ellipsis).</param>
    /// <param name="utf8">The layout's text.</param>
    /// <param name="strippedCharacters">How many characters were removed.</param>
    public static byte[] StripUnknown(nint layout, byte[] utf8, out int strippedCharacters)
    {
        var remove = new List<(int Start, int End)>();
        nint iter = Pango.LayoutGetIter(layout);
        try
        {
            // Visit every run of every line; a run is one item (a span of text in one font) and its glyphs.
            do
            {
                Pango.GlyphItem* run = Pango.LayoutIterGetRunReadonly(iter);
                if (run != null)
                {
                    CollectUnknownClusters(run, remove);
                }
            }
            while (Pango.LayoutIterNextRun(iter) != 0);
        }
        finally
        {
            Pango.LayoutIterFree(iter);
        }

        return Remove(utf8, remove, out strippedCharacters);
    }

    private static void CollectUnknownClusters(Pango.GlyphItem* run, List<(int Start, int End)> remove)
    {
        Pango.Item* item = run->Item;
        Pango.GlyphString* glyphs = run->Glyphs;
        int itemEnd = item->Offset + item->Length;
        for (int i = 0; i < glyphs->NumGlyphs; i++)
        {
            if ((glyphs->Glyphs[i].Glyph & Pango.GlyphUnknownFlag) == 0)
            {
                continue;
            }

            // A cluster runs from its start to the next larger cluster start in the item (log_clusters is
            // ascending for left-to-right runs and descending for right-to-left ones, so search all of them).
            int start = glyphs->LogClusters[i];
            int end = item->Length;
            for (int j = 0; j < glyphs->NumGlyphs; j++)
            {
                int candidate = glyphs->LogClusters[j];
                if (candidate > start && candidate < end)
                {
                    end = candidate;
                }
            }

            remove.Add((item->Offset + start, Math.Min(item->Offset + end, itemEnd)));
        }
    }

    private static byte[] Remove(byte[] utf8, List<(int Start, int End)> remove, out int strippedCharacters)
    {
        strippedCharacters = 0;
        if (remove.Count == 0)
        {
            return utf8;
        }

        remove.Sort();
        var kept = new List<byte>(utf8.Length);
        int position = 0;
        foreach ((int start, int end) in remove)
        {
            if (end <= position)
            {
                continue;
            }

            int from = Math.Max(start, position);
            AppendCollapsingSpaces(kept, utf8.AsSpan(position, from - position));
            strippedCharacters += CountCharacters(utf8.AsSpan(from, end - from));
            position = end;
        }

        AppendCollapsingSpaces(kept, utf8.AsSpan(position));
        return [.. kept];
    }

    // Code points, not UTF-16 units: every byte that does not continue a UTF-8 sequence starts one.
    private static int CountCharacters(ReadOnlySpan<byte> utf8)
    {
        int count = 0;
        foreach (byte b in utf8)
        {
            count += (b & 0xC0) != 0x80 ? 1 : 0;
        }

        return count;
    }

    // Removing "a 🙂 b" would leave two spaces; keep one.
    private static void AppendCollapsingSpaces(List<byte> kept, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b == (byte)' ' && (kept.Count == 0 || kept[^1] == (byte)' ' || kept[^1] == (byte)'\n'))
            {
                continue;
            }

            kept.Add(b);
        }
    }
}

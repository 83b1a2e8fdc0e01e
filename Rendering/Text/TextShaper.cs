using System.Globalization;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using VibeCoder.Rendering.Fonts;
using Buffer = HarfBuzzSharp.Buffer;

namespace VibeCoder.Rendering.Text;

/// <summary>
/// Turns a string into a <see cref="ShapedText"/>: picks a face per grapheme cluster (<see cref="FontChain"/>),
/// drops the clusters no face can draw, splits the text into runs of one face and one direction, and shapes each run
/// with HarfBuzz through the face's cached <c>SKShaper</c>. Stateless and thread-safe.
/// </summary>
internal static class TextShaper
{
    /// <summary>The scale SKShaper sets on its HarfBuzz font: positions come back in 1/512 em.</summary>
    private const float HarfBuzzUnitsPerEm = 512;

    /// <summary>Shapes <paramref name="text"/> (already sanitised) with the faces of <paramref name="fonts"/>.</summary>
    public static ShapedText Shape(string text, FontChain fonts)
    {
        (string kept, List<Item> items, int stripped) = Itemize(text, fonts);
        List<(FontFace Face, int Start, int End, bool Rtl)> runs = SplitRuns(items, fonts.Primary);

        var glyphs = new List<ushort>(kept.Length);
        var clusters = new List<int>(kept.Length);
        var advances = new List<float>(kept.Length);
        var offsets = new List<SKPoint>(kept.Length);
        var shaped = new ShapedRun[runs.Count];
        for (int r = 0; r < runs.Count; r++)
        {
            (FontFace face, int start, int end, bool rtl) = runs[r];
            int glyphStart = glyphs.Count;
            ShapeRun(kept, start, end, face, rtl, glyphs, clusters, advances, offsets);
            shaped[r] = new ShapedRun(face, start, end, glyphStart, glyphs.Count - glyphStart, rtl);
        }

        SKRect[] bounds = GlyphBounds(shaped, glyphs);
        (float[] prefix, bool[] boundary) = Measure(kept, items, shaped, clusters, advances);
        return new ShapedText(kept, fonts, shaped, [.. glyphs], [.. clusters], [.. advances], [.. offsets], bounds,
            prefix, boundary, WordBreaks(kept, items), stripped);
    }

    /// <summary>One grapheme cluster of the kept text with its face (null for a line break) and direction.</summary>
    private readonly record struct Item(int Start, int Length, FontFace? Face, Direction Direction);

    private enum Direction
    {
        Neutral,
        LeftToRight,
        RightToLeft,
    }

    private static (string Kept, List<Item> Items, int Stripped) Itemize(string text, FontChain fonts)
    {
        var kept = new StringBuilder(text.Length);
        var items = new List<Item>(text.Length);
        int stripped = 0;
        bool justStripped = false;
        FontFace? previous = null;
        int position = 0;
        while (position < text.Length)
        {
            int length = StringInfo.GetNextTextElementLength(text.AsSpan(position));
            ReadOnlySpan<char> cluster = text.AsSpan(position, length);
            position += length;

            if (cluster is "\n")
            {
                items.Add(new Item(kept.Length, 1, null, Direction.Neutral));
                kept.Append('\n');
                justStripped = false;
                continue;
            }

            FontFace? face;
            if (!fonts.TryPick(cluster, out face))
            {
                // Only joiners, variation selectors or bidi controls: HarfBuzz draws nothing for them; any face will do.
                face = previous ?? fonts.Primary;
            }
            else if (face is null)
            {
                foreach (Rune _ in cluster.EnumerateRunes())
                {
                    stripped++;
                }

                justStripped = true;
                continue;
            }

            // Dropping "🙂" from "a 🙂 b" would leave two spaces; keep one.
            if (justStripped && cluster is " " && (kept.Length == 0 || kept[^1] is ' ' or '\n'))
            {
                continue;
            }

            justStripped = false;
            previous = face;
            items.Add(new Item(kept.Length, length, face, DirectionOf(cluster)));
            kept.Append(cluster);
        }

        return (kept.ToString(), items, stripped);
    }

    private static Direction DirectionOf(ReadOnlySpan<char> cluster)
    {
        Rune.DecodeFromUtf16(cluster, out Rune rune, out _);
        if (!Rune.IsLetter(rune))
        {
            return Direction.Neutral;
        }

        int value = rune.Value;
        bool rightToLeft = value is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF)
            or (>= 0x10800 and <= 0x10FFF) or (>= 0x1E800 and <= 0x1EFFF);
        return rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
    }

    // Neighbouring clusters with the same face and direction shape together (kerning, ligatures); a line break ends
    // a run. Neutral characters (spaces, punctuation, digits) take the direction of the text before them.
    private static List<(FontFace Face, int Start, int End, bool Rtl)> SplitRuns(List<Item> items, FontFace primary)
    {
        var runs = new List<(FontFace Face, int Start, int End, bool Rtl)>();
        Direction current = Direction.LeftToRight;
        FontFace? face = null;
        int start = 0;
        int end = 0;
        bool rtl = false;
        foreach (Item item in items)
        {
            if (item.Face is null)
            {
                Flush();
                continue;
            }

            if (item.Direction != Direction.Neutral)
            {
                current = item.Direction;
            }

            bool itemRtl = current == Direction.RightToLeft;
            if (face is not null && (item.Face != face || itemRtl != rtl || item.Start != end))
            {
                Flush();
            }

            if (face is null)
            {
                face = item.Face;
                start = item.Start;
                rtl = itemRtl;
            }

            end = item.Start + item.Length;
        }

        Flush();
        return runs;

        void Flush()
        {
            if (face is not null)
            {
                runs.Add((face ?? primary, start, end, rtl));
            }

            face = null;
        }
    }

    private static void ShapeRun(string text, int start, int end, FontFace face, bool rtl, List<ushort> glyphs,
        List<int> clusters, List<float> advances, List<SKPoint> offsets)
    {
        using var buffer = new Buffer();

        // The whole text goes in as context (so shaping at the run's edges sees its neighbours); only the run is shaped.
        buffer.AddUtf16(text.AsSpan(), start, end - start);
        buffer.Direction = rtl ? HarfBuzzSharp.Direction.RightToLeft : HarfBuzzSharp.Direction.LeftToRight;
        buffer.GuessSegmentProperties();
        using SKFont font = face.CreateFont(FontFace.ReferenceSize);
        face.Shaper.Shape(buffer, font);

        const float scale = FontFace.ReferenceSize / HarfBuzzUnitsPerEm;
        ReadOnlySpan<GlyphInfo> infos = buffer.GetGlyphInfoSpan();
        ReadOnlySpan<GlyphPosition> positions = buffer.GetGlyphPositionSpan();
        for (int i = 0; i < infos.Length; i++)
        {
            glyphs.Add((ushort)infos[i].Codepoint);
            clusters.Add((int)infos[i].Cluster);
            advances.Add(positions[i].XAdvance * scale);
            offsets.Add(new SKPoint(positions[i].XOffset * scale, -positions[i].YOffset * scale));
        }
    }

    private static SKRect[] GlyphBounds(ShapedRun[] runs, List<ushort> glyphs)
    {
        var bounds = new SKRect[glyphs.Count];
        ushort[] all = [.. glyphs];
        foreach (ShapedRun run in runs)
        {
            if (run.GlyphCount == 0)
            {
                continue;
            }

            using SKFont font = run.Face.CreateFont(FontFace.ReferenceSize);
            var widths = new float[run.GlyphCount];
            font.GetGlyphWidths(all.AsSpan(run.GlyphStart, run.GlyphCount), widths, bounds.AsSpan(run.GlyphStart, run.GlyphCount), null);
        }

        return bounds;
    }

    private static (float[] Prefix, bool[] Boundary) Measure(string text, List<Item> items, ShapedRun[] runs, List<int> clusters, List<float> advances)
    {
        int n = text.Length;
        var perIndex = new float[n + 1];
        var boundary = new bool[n + 1];
        for (int g = 0; g < clusters.Count; g++)
        {
            perIndex[clusters[g]] += advances[g];
            boundary[clusters[g]] = true;
        }

        foreach (ShapedRun run in runs)
        {
            boundary[run.Start] = true;
        }

        var graphemeStart = new bool[n + 1];
        foreach (Item item in items)
        {
            graphemeStart[item.Start] = true;
            if (item.Face is null)
            {
                // A line break and what follows it are always boundaries.
                boundary[item.Start] = true;
                boundary[item.Start + 1] = true;
            }
        }

        boundary[0] = true;
        boundary[n] = true;
        graphemeStart[n] = true;
        var prefix = new float[n + 1];
        for (int i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + perIndex[i];
            boundary[i] &= graphemeStart[i];
        }

        return (prefix, boundary);
    }

    // Where a line may end: after a space or zero-width space, after a hyphen or dash between two letters
    // ("по-своему" may break as "по-" / "своему"), and between two emoji (each is a word of its own, as in UAX #14).
    private static bool[] WordBreaks(string text, List<Item> items)
    {
        var breaks = new bool[text.Length + 1];
        for (int k = 1; k < items.Count; k++)
        {
            if (items[k].Face is { IsEmoji: true } && items[k - 1].Face is { IsEmoji: true })
            {
                breaks[items[k].Start] = true;
            }
        }

        for (int i = 1; i < text.Length; i++)
        {
            char before = text[i - 1];
            breaks[i] |= before is ' ' or '\u200B' or '\n'
                || (before is '-' or '\u2010' or '\u2013' or '\u2014' && i >= 2 && char.IsLetter(text[i - 2]) && char.IsLetter(text[i]));
        }

        breaks[text.Length] = true;
        return breaks;
    }
}

using SkiaSharp;
using VibeCoder.Rendering.Fonts;

namespace VibeCoder.Rendering.Text;

/// <summary>
/// A text shaped once at <see cref="FontFace.ReferenceSize"/>: glyphs, advances, offsets and ink bounds per glyph,
/// the UTF-16 cluster each glyph came from, and where lines may break. Measuring at another size scales these
/// numbers; nothing is shaped again. Immutable.
/// </summary>
internal sealed class ShapedText
{
    public ShapedText(string text, FontChain fonts, ShapedRun[] runs, ushort[] glyphs, int[] clusters, float[] advances,
        SKPoint[] offsets, SKRect[] bounds, float[] prefix, bool[] boundary, bool[] breakAfter, int strippedCharacters)
    {
        Text = text;
        Fonts = fonts;
        Runs = runs;
        Glyphs = glyphs;
        Clusters = clusters;
        Advances = advances;
        Offsets = offsets;
        Bounds = bounds;
        Prefix = prefix;
        Boundary = boundary;
        BreakAfter = breakAfter;
        StrippedCharacters = strippedCharacters;
    }

    /// <summary>The text as drawn: the input without clusters no font can draw.</summary>
    public string Text { get; }

    public FontChain Fonts { get; }

    /// <summary>Runs in logical order.</summary>
    public ShapedRun[] Runs { get; }

    public ushort[] Glyphs { get; }

    /// <summary>The UTF-16 index in <see cref="Text"/> where each glyph's cluster starts.</summary>
    public int[] Clusters { get; }

    /// <summary>Horizontal advance of each glyph.</summary>
    public float[] Advances { get; }

    /// <summary>Offset of each glyph from its pen position (y down).</summary>
    public SKPoint[] Offsets { get; }

    /// <summary>Ink bounds of each glyph relative to its origin.</summary>
    public SKRect[] Bounds { get; }

    /// <summary><c>Prefix[i]</c> is the advance of all clusters that start before UTF-16 index i (length + 1 entries).</summary>
    public float[] Prefix { get; }

    /// <summary><c>Boundary[i]</c>: a line may end at index i without splitting a grapheme or a glyph cluster.</summary>
    public bool[] Boundary { get; }

    /// <summary><c>BreakAfter[i]</c>: index i is a word boundary, the preferred place to end a line.</summary>
    public bool[] BreakAfter { get; }

    /// <summary>Characters (code points) dropped because no installed font can draw them.</summary>
    public int StrippedCharacters { get; }

    /// <summary>Glyphs that are the "missing glyph" box (glyph 0); 0 unless fonts lie about their coverage.</summary>
    public int UnknownGlyphs
    {
        get
        {
            int count = 0;
            for (int i = 0; i < Glyphs.Length; i++)
            {
                if (Glyphs[i] == 0 && !EmojiPresentation.IsIgnorable(CodePoints.At(Text, Clusters[i])))
                {
                    count++;
                }
            }

            return count;
        }
    }

    public int Length => Text.Length;

    /// <summary>The advance of <c>Text[start..end)</c> at the reference size.</summary>
    public float Width(int start, int end) => Prefix[end] - Prefix[start];
}

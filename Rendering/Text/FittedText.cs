using VibeCoder.Rendering.Native;

namespace VibeCoder.Rendering.Text;

/// <summary>
/// A pango layout that auto-fit has sized to its box, ready to draw. Owns the native layout: dispose it on the
/// thread that made it, after drawing.
/// </summary>
internal sealed class FittedText : IDisposable
{
    private nint _layout;

    public FittedText(nint layout, double size, int inset, PixelRect extents, int lineCount, int unknownGlyphs,
        int strippedCharacters, bool truncated)
    {
        _layout = layout;
        Size = size;
        Inset = inset;
        Extents = extents;
        LineCount = lineCount;
        UnknownGlyphs = unknownGlyphs;
        StrippedCharacters = strippedCharacters;
        Truncated = truncated;
    }

    /// <summary>The native PangoLayout.</summary>
    public nint Layout => _layout != 0 ? _layout : throw new ObjectDisposedException(nameof(FittedText));

    /// <summary>The font size chosen, in pixels.</summary>
    public double Size { get; }

    /// <summary>How far right of the box's left edge the layout starts (room for ink that overhangs).</summary>
    public int Inset { get; }

    /// <summary>The ink ∪ logical rectangle relative to the layout origin, in pixels.</summary>
    public PixelRect Extents { get; }

    /// <summary>The width of the text as it occupies its box.</summary>
    public int Width => Extents.Width;

    /// <summary>The height of the text as it occupies its box.</summary>
    public int Height => Extents.Height;

    /// <summary>The number of lines laid out.</summary>
    public int LineCount { get; }

    /// <summary>Glyphs that would draw as "missing" boxes (0 after stripping).</summary>
    public int UnknownGlyphs { get; }

    /// <summary>Characters removed because no installed font can draw them.</summary>
    public int StrippedCharacters { get; }

    /// <summary>True when the text did not fit at the minimum size and was cut with an ellipsis.</summary>
    public bool Truncated { get; }

    /// <summary>True when there is nothing to draw.</summary>
    public bool IsEmpty => Extents.IsEmpty;

    public void Dispose()
    {
        nint layout = _layout;
        _layout = 0;
        if (layout != 0)
        {
            Pango.ObjectUnref(layout);
        }
    }
}

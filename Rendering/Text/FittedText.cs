using System.Text;
using SkiaSharp;

namespace VibeCoder.Rendering.Text;

/// <summary>A text block that auto-fit has sized to its box, ready to draw. Immutable; draw it any number of times.</summary>
internal sealed class FittedText
{
    public FittedText(TextLayout? layout, int strippedCharacters, bool truncated)
    {
        Layout = layout;
        StrippedCharacters = strippedCharacters;
        Truncated = truncated;
    }

    /// <summary>The layout drawn, or null when nothing is drawn (empty text, or not even one line fits).</summary>
    public TextLayout? Layout { get; }

    /// <summary>The font size chosen, in pixels (0 when nothing is drawn).</summary>
    public double Size => Layout?.Size ?? 0;

    /// <summary>How far right of the box's left edge the layout starts (room for ink that overhangs).</summary>
    public int Inset => Layout?.Inset ?? 0;

    /// <summary>The ink ∪ logical rectangle relative to the layout origin, in pixels.</summary>
    public PixelRect Extents => Layout?.Extents ?? default;

    /// <summary>The width of the text as it occupies its box.</summary>
    public int Width => Extents.Width;

    /// <summary>The height of the text as it occupies its box.</summary>
    public int Height => Extents.Height;

    /// <summary>The number of lines laid out.</summary>
    public int LineCount => Layout?.Lines.Count ?? 0;

    /// <summary>Glyphs that would draw as "missing" boxes (0 unless a font lies about its coverage).</summary>
    public int UnknownGlyphs => Layout?.Text.UnknownGlyphs ?? 0;

    /// <summary>Characters removed because no installed font can draw them.</summary>
    public int StrippedCharacters { get; }

    /// <summary>True when the text did not fit at the minimum size and was cut with an ellipsis.</summary>
    public bool Truncated { get; }

    /// <summary>True when there is nothing to draw.</summary>
    public bool IsEmpty => Extents.IsEmpty;

    /// <summary>
    /// Draws the text with its layout origin at (<paramref name="originX"/>, <paramref name="originY"/>). Every run
    /// carries its UTF-8 text and clusters, so PDF text stays selectable and extractable, emoji included.
    /// </summary>
    public void Draw(SKCanvas canvas, float originX, float originY, SKPaint paint)
    {
        if (Layout is not { } layout || IsEmpty)
        {
            return;
        }

        ShapedText text = layout.Text;
        float scale = layout.Scale;
        using var builder = new SKTextBlobBuilder();
        var glyphs = new List<int>();
        for (int i = 0; i < layout.Lines.Count; i++)
        {
            TextLine line = layout.Lines[i];
            float x = originX + layout.LineLeft(line);
            float baseline = originY + layout.Baseline(i);
            foreach (LineSegment segment in layout.Segments(line))
            {
                glyphs.Clear();
                glyphs.AddRange(segment.Glyphs(text));
                if (glyphs.Count == 0)
                {
                    continue;
                }

                ReadOnlySpan<char> chars = text.Text.AsSpan(segment.Start, segment.End - segment.Start);
                int byteCount = Encoding.UTF8.GetByteCount(chars);
                using SKFont font = segment.Run.Face.CreateFont((float)layout.Size);
                SKPositionedTextRunBuffer run = builder.AllocatePositionedTextRun(font, glyphs.Count, byteCount);
                Span<ushort> runGlyphs = run.Glyphs;
                Span<SKPoint> positions = run.Positions;
                Span<uint> clusters = run.Clusters;
                Encoding.UTF8.GetBytes(chars, run.Text);
                for (int k = 0; k < glyphs.Count; k++)
                {
                    int g = glyphs[k];
                    SKPoint offset = text.Offsets[g];
                    runGlyphs[k] = text.Glyphs[g];
                    positions[k] = new SKPoint(x + (offset.X * scale), baseline + (offset.Y * scale));
                    clusters[k] = (uint)Encoding.UTF8.GetByteCount(chars[..(text.Clusters[g] - segment.Start)]);
                    x += text.Advances[g] * scale;
                }
            }
        }

        using SKTextBlob? blob = builder.Build();
        if (blob is not null)
        {
            canvas.DrawText(blob, 0, 0, paint);
        }
    }
}

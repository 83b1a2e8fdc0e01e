using SkiaSharp;
using VibeCoder.Rendering.Fonts;

namespace VibeCoder.Rendering.Text;

/// <summary>
/// A <see cref="ShapedText"/> set at one size in a box of one width: its lines, where each sits, and the union of
/// its ink and logical rectangles. Immutable; making one costs line breaking and a pass over the glyphs, no shaping.
/// </summary>
internal sealed class TextLayout
{
    private TextLayout(ShapedText text, TextStyle style, double size, int inset, float layoutWidth, List<TextLine> lines,
        float firstBaseline, float lineStep, PixelRect extents)
    {
        Text = text;
        Style = style;
        Size = size;
        Inset = inset;
        LayoutWidth = layoutWidth;
        Lines = lines;
        FirstBaseline = firstBaseline;
        LineStep = lineStep;
        Extents = extents;
    }

    public ShapedText Text { get; }

    public TextStyle Style { get; }

    /// <summary>The font size in pixels.</summary>
    public double Size { get; }

    /// <summary>How far right of the box's left edge the layout starts (room for ink that overhangs).</summary>
    public int Inset { get; }

    /// <summary>The width lines are broken and aligned in, in pixels.</summary>
    public float LayoutWidth { get; }

    public List<TextLine> Lines { get; }

    /// <summary>The first baseline's distance below the layout's top, in pixels.</summary>
    public float FirstBaseline { get; }

    /// <summary>Baseline-to-baseline distance in pixels.</summary>
    public float LineStep { get; }

    /// <summary>Ink ∪ logical rectangle relative to the layout origin (top-left of the first line), whole pixels.</summary>
    public PixelRect Extents { get; }

    /// <summary>Scale from reference-size units to pixels.</summary>
    public float Scale => (float)(Size / FontFace.ReferenceSize);

    /// <summary>Lays <paramref name="text"/> out at <paramref name="size"/> px in a box <paramref name="maxWidth"/> px wide.</summary>
    public static TextLayout Create(ShapedText text, in TextStyle style, double size, double maxWidth)
    {
        // Leave room at each side for ink that overhangs the advance (italics, some emoji).
        int inset = (int)Math.Ceiling(size * 0.06);
        float layoutWidth = (float)Math.Max(1, maxWidth - (2 * inset));
        float scale = (float)(size / FontFace.ReferenceSize);
        List<TextLine> lines = LineBreaker.Break(text, layoutWidth / scale);

        FontFace primary = text.Fonts.Primary;
        float ascent = primary.Ascent * scale;
        float height = (primary.Ascent + primary.Descent) * scale;

        // A line spacing factor spreads the extra room half above and half below each line, as CSS line-height does.
        float step = style.LineSpacing > 0 ? style.LineSpacing * height : height;
        float firstBaseline = ((step - height) / 2) + ascent;

        var layout = new TextLayout(text, style, size, inset, layoutWidth, lines, firstBaseline, step, default);
        return new TextLayout(text, style, size, inset, layoutWidth, lines, firstBaseline, step, layout.ComputeExtents());
    }

    /// <summary>The x of a line's start relative to the layout origin, in pixels.</summary>
    public float LineLeft(TextLine line) => Style.Alignment switch
    {
        TextAlignment.Center => (LayoutWidth - (line.Width * Scale)) / 2,
        TextAlignment.Right => LayoutWidth - (line.Width * Scale),
        _ => 0,
    };

    /// <summary>The baseline of line <paramref name="index"/> relative to the layout origin, in pixels.</summary>
    public float Baseline(int index) => FirstBaseline + (index * LineStep);

    /// <summary>
    /// The glyphs of one line in visual order, as runs: each segment is part of one shaped run. Right-to-left runs
    /// that follow each other swap places (a left-to-right paragraph holding a right-to-left phrase).
    /// </summary>
    public List<LineSegment> Segments(TextLine line)
    {
        var segments = new List<LineSegment>();
        foreach (ShapedRun run in Text.Runs)
        {
            int start = Math.Max(run.Start, line.Start);
            int end = Math.Min(run.End, line.End);
            if (start < end)
            {
                segments.Add(new LineSegment(run, start, end));
            }
        }

        for (int i = 0; i < segments.Count; i++)
        {
            if (!segments[i].Run.RightToLeft)
            {
                continue;
            }

            int last = i;
            while (last + 1 < segments.Count && segments[last + 1].Run.RightToLeft)
            {
                last++;
            }

            segments.Reverse(i, last - i + 1);
            i = last;
        }

        return segments;
    }

    private PixelRect ComputeExtents()
    {
        if (Lines.Count == 0)
        {
            return default;
        }

        float scale = Scale;
        float left = float.MaxValue;
        float right = float.MinValue;
        float top = 0;
        float bottom = Lines.Count * LineStep;
        FontFace primary = Text.Fonts.Primary;
        for (int i = 0; i < Lines.Count; i++)
        {
            TextLine line = Lines[i];
            float x = LineLeft(line);
            left = Math.Min(left, x);
            right = Math.Max(right, x + (line.Width * scale));
            float baseline = Baseline(i);

            // The logical line box is the primary face's ascent and descent around the baseline.
            top = Math.Min(top, baseline - (primary.Ascent * scale));
            bottom = Math.Max(bottom, baseline + (primary.Descent * scale));
            foreach (LineSegment segment in Segments(line))
            {
                foreach (int g in segment.Glyphs(Text))
                {
                    SKRect bounds = Text.Bounds[g];
                    if (!bounds.IsEmpty)
                    {
                        SKPoint offset = Text.Offsets[g];
                        left = Math.Min(left, x + ((offset.X + bounds.Left) * scale));
                        right = Math.Max(right, x + ((offset.X + bounds.Right) * scale));
                        top = Math.Min(top, baseline + ((offset.Y + bounds.Top) * scale));
                        bottom = Math.Max(bottom, baseline + ((offset.Y + bounds.Bottom) * scale));
                    }

                    x += Text.Advances[g] * scale;
                }
            }
        }

        if (right <= left)
        {
            right = left;
        }

        int pixelLeft = (int)Math.Floor(left);
        int pixelTop = (int)Math.Floor(top);
        return new PixelRect(pixelLeft, pixelTop, (int)Math.Ceiling(right) - pixelLeft, (int)Math.Ceiling(bottom) - pixelTop);
    }
}

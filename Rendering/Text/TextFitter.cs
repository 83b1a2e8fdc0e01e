using System.Diagnostics;
using VibeCoder.Rendering.Diagnostics;
using VibeCoder.Rendering.Fonts;

namespace VibeCoder.Rendering.Text;

/// <summary>
/// Auto-fit: sets text in a box at the largest whole-pixel size that fits, shrinking down to the style's minimum,
/// wrapping at word (else grapheme) boundaries, and finally cutting whole lines and ending with an ellipsis. The
/// result never extends outside the box: "fits" is judged on the union of ink and logical rectangles. The text is
/// shaped once; every size tried only re-breaks lines.
/// </summary>
internal static class TextFitter
{
    private const string Ellipsis = "\u2026";

    /// <summary>Lays out <paramref name="text"/> to fit <paramref name="maxWidth"/> × <paramref name="maxHeight"/> px.</summary>
    /// <param name="fonts">Where typefaces come from.</param>
    /// <param name="text">Already sanitised text (see <see cref="TextSanitizer"/>).</param>
    /// <param name="style">Typeface, sizes and limits.</param>
    /// <param name="maxWidth">The box width in pixels.</param>
    /// <param name="maxHeight">The box height in pixels.</param>
    /// <param name="profile">Receives the time spent shaping, or null.</param>
    public static FittedText Fit(FontCatalog fonts, string text, in TextStyle style, double maxWidth, double maxHeight, RenderProfile? profile = null)
    {
        FontChain chain = fonts.Chain(new FontStyleKey(style.Family, style.Weight, style.Italic, style.Condensed));
        long started = Stopwatch.GetTimestamp();
        ShapedText shaped = TextShaper.Shape(DropParagraphsThatCannotShow(text, style, maxHeight), chain);
        if (profile is not null)
        {
            profile.ShapingTicks += Stopwatch.GetTimestamp() - started;
        }

        if (shaped.Length == 0)
        {
            return new FittedText(null, shaped.StrippedCharacters, truncated: false);
        }

        var fitting = new Fitting(style, maxWidth, maxHeight);
        Measurement measurement = fitting.Measure(shaped, style.MaxSize);
        if (measurement.Fits)
        {
            return new FittedText(measurement.Layout, shaped.StrippedCharacters, truncated: false);
        }

        measurement = fitting.Shrink(shaped, measurement);
        if (measurement.Fits)
        {
            return new FittedText(measurement.Layout, shaped.StrippedCharacters, truncated: false);
        }

        TextLayout? truncated = fitting.Truncate(shaped, measurement);
        return new FittedText(truncated, shaped.StrippedCharacters, truncated: true);
    }

    /// <summary>
    /// Every paragraph takes at least one line, so no box shows more paragraphs than lines of the minimum size fit
    /// in it. Dropping the rest up front keeps thousands of hostile line breaks from being shaped; what is dropped
    /// could never have been shown, and the text still ends in an ellipsis.
    /// </summary>
    private static string DropParagraphsThatCannotShow(string text, in TextStyle style, double maxHeight)
    {
        int capacity = (int)Math.Min(style.MaxLines, maxHeight / (style.MinSize * 0.9)) + 1;
        int index = -1;
        for (int paragraphs = 0; paragraphs < capacity; paragraphs++)
        {
            index = text.IndexOf('\n', index + 1);
            if (index < 0)
            {
                return text;
            }
        }

        return text[..index];
    }

    /// <summary>The result of laying out at one size.</summary>
    private readonly record struct Measurement(TextLayout Layout, bool Fits)
    {
        public double Size => Layout.Size;
    }

    /// <summary>One fitting session: a style and a box.</summary>
    private readonly struct Fitting(TextStyle style, double maxWidth, double maxHeight)
    {
        public Measurement Measure(ShapedText text, double size)
        {
            TextLayout layout = TextLayout.Create(text, style, size, maxWidth);
            PixelRect extents = layout.Extents;
            bool fits = extents.X >= -layout.Inset
                && extents.Right <= maxWidth - layout.Inset
                && extents.Height <= maxHeight
                && layout.Lines.Count <= style.MaxLines;
            return new Measurement(layout, fits);
        }

        /// <summary>Finds the largest whole-pixel size that fits, given that <see cref="TextStyle.MaxSize"/> does not.</summary>
        /// <returns>The fitting measurement, or a failing one at the minimum size.</returns>
        public Measurement Shrink(ShapedText text, Measurement atMax)
        {
            int low = (int)Math.Ceiling(style.MinSize);
            int high = (int)Math.Ceiling(style.MaxSize) - 1;
            if (high < low)
            {
                return Measure(text, style.MinSize);
            }

            // Wrapped text needs area ∝ size², so this guess is usually within a pixel or two; probing its
            // neighbour next settles most searches in two layouts.
            PixelRect extents = atMax.Layout.Extents;
            double ratio = Math.Min(
                maxHeight / Math.Max(1, extents.Height),
                maxWidth / Math.Max(1, extents.Width + (2 * atMax.Layout.Inset)));
            int estimate = (int)(style.MaxSize * Math.Sqrt(Math.Min(1, ratio)));
            Measurement? best = null;
            if (estimate <= low)
            {
                // Far too much text (often hostile input): settle the minimum first, it usually fails too.
                Measurement atMinimum = Measure(text, style.MinSize);
                if (!atMinimum.Fits)
                {
                    return atMinimum;
                }

                best = atMinimum;
            }

            int probe = Math.Clamp(estimate, low, high);
            bool first = true;

            // Invariant: sizes above high are known to fail; sizes below low are known to fit (best is the largest).
            while (low <= high)
            {
                Measurement measurement = Measure(text, probe);
                if (measurement.Fits)
                {
                    best = measurement;
                    low = probe + 1;
                    probe = first ? Math.Min(probe + 1, high) : (low + high + 1) / 2;
                }
                else
                {
                    high = probe - 1;
                    probe = first ? Math.Max(probe - 1, low) : (low + high + 1) / 2;
                }

                first = false;
            }

            return best ?? Measure(text, style.MinSize);
        }

        /// <summary>At the minimum size, keeps the lines that fit and ends the last one with an ellipsis.</summary>
        /// <returns>The truncated layout, or null when not even one line fits the box.</returns>
        public TextLayout? Truncate(ShapedText text, Measurement last)
        {
            TextLayout full = last.Size == style.MinSize ? last.Layout : Measure(text, style.MinSize).Layout;
            int keep = 0;
            while (keep < full.Lines.Count && keep < style.MaxLines && full.Baseline(keep) + (full.LineStep / 2) - full.Extents.Y <= maxHeight)
            {
                keep++;
            }

            // Try the end of the last kept line, then earlier word boundaries, then one line fewer.
            string chars = text.Text;
            for (int line = keep - 1; line >= 0; line--)
            {
                int end = full.Lines[line].End;
                for (int attempt = 0; attempt < 8 && end > full.Lines[line].Start; attempt++)
                {
                    int length = TrimmedLength(chars, end);
                    ShapedText candidate = TextShaper.Shape(string.Concat(chars.AsSpan(0, length), Ellipsis), text.Fonts);
                    Measurement measurement = Measure(candidate, style.MinSize);
                    if (measurement.Fits)
                    {
                        return measurement.Layout;
                    }

                    end = PreviousBreak(chars, full.Lines[line].Start, length);
                }
            }

            return null;
        }

        // The length without trailing spaces, line breaks and punctuation that would sit oddly before "…".
        private static int TrimmedLength(string text, int end)
        {
            while (end > 0 && text[end - 1] is ' ' or '\n' or ',' or '.' or ';' or ':' or '\u200B')
            {
                end--;
            }

            return end;
        }

        // The last space before end (but after start), else three grapheme clusters back.
        private static int PreviousBreak(string text, int start, int end)
        {
            int space = end > start ? text.LastIndexOf(' ', end - 1, end - start) : -1;
            if (space > start)
            {
                return space;
            }

            int previous = start;
            var boundaries = new List<int>();
            while (previous < end)
            {
                boundaries.Add(previous);
                previous += System.Globalization.StringInfo.GetNextTextElementLength(text.AsSpan(previous, end - previous));
            }

            return boundaries.Count > 3 ? boundaries[^3] : start;
        }
    }
}

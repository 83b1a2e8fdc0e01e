using System.Text;
using VibeCoder.Rendering.Native;

namespace VibeCoder.Rendering.Text;

/// <summary>
/// Auto-fit: sets text in a box at the largest size that fits, shrinking down to the style's minimum, wrapping
/// at word (else character) boundaries, and finally cutting whole lines and ending with an ellipsis. The result
/// never extends outside the box: "fits" is judged on the union of pango's ink and logical rectangles.
/// </summary>
internal static unsafe class TextFitter
{
    private static readonly byte[] EllipsisUtf8 = "\u2026"u8.ToArray();

    /// <summary>Lays out <paramref name="text"/> to fit <paramref name="maxWidth"/> × <paramref name="maxHeight"/> px.</summary>
    /// <param name="cr">The cairo context the text will be drawn on (pango takes font options from it).</param>
    /// <param name="text">Already sanitised text (see <see cref="TextSanitizer"/>).</param>
    /// <param name="style">Typeface, sizes and limits.</param>
    /// <param name="maxWidth">The box width in pixels.</param>
    /// <param name="maxHeight">The box height in pixels.</param>
    public static FittedText Fit(nint cr, string text, in TextStyle style, double maxWidth, double maxHeight)
    {
        nint layout = Pango.CairoCreateLayout(cr);
        nint font = Pango.FontDescriptionNew();
        try
        {
            var fitting = new Fitting(layout, font, style, maxWidth, maxHeight);
            fitting.Configure();
            byte[] utf8 = Encoding.UTF8.GetBytes(DropParagraphsThatCannotShow(text, style, maxHeight));
            fitting.SetText(utf8, utf8.Length);
            Measurement measurement = fitting.Measure(style.MaxSize);

            int stripped = 0;
            if (Pango.LayoutGetUnknownGlyphsCount(layout) > 0)
            {
                // Measured at full length with no ellipsis, so every character of the text was shaped.
                utf8 = GlyphStripper.StripUnknown(layout, utf8, out stripped);
                fitting.SetText(utf8, utf8.Length);
                measurement = fitting.Measure(style.MaxSize);
            }

            bool truncated = false;
            if (!measurement.Fits)
            {
                measurement = fitting.Shrink(measurement);
                if (!measurement.Fits)
                {
                    measurement = fitting.Truncate(utf8, measurement);
                    truncated = true;
                }
            }

            var fitted = new FittedText(layout, measurement.Size, measurement.Inset,
                measurement.Fits ? measurement.Extents : default, measurement.LineCount,
                Pango.LayoutGetUnknownGlyphsCount(layout), stripped, truncated);
            layout = 0;
            return fitted;
        }
        finally
        {
            Pango.FontDescriptionFree(font);
            if (layout != 0)
            {
                Pango.ObjectUnref(layout);
            }
        }
    }

    /// <summary>
    /// Every paragraph takes at least one line, so no box shows more paragraphs than lines of the minimum size
    /// fit in it. Dropping the rest up front keeps thousands of hostile line breaks from being laid out again and
    /// again; what is dropped could never have been shown, and the text still ends in an ellipsis.
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
    private readonly record struct Measurement(double Size, int Inset, PixelRect Extents, int LineCount, bool Fits);

    /// <summary>One fitting session over one layout and font description (both owned by the caller).</summary>
    private readonly struct Fitting(nint layout, nint font, TextStyle style, double maxWidth, double maxHeight)
    {
        public void Configure()
        {
            Pango.FontDescriptionSetFamily(font, style.Family);
            Pango.FontDescriptionSetWeight(font, style.Weight);
            Pango.FontDescriptionSetStyle(font, style.Italic ? Pango.StyleItalic : Pango.StyleNormal);
            Pango.FontDescriptionSetStretch(font, style.Condensed ? Pango.StretchCondensed : Pango.StretchNormal);
            Pango.LayoutSetWrap(layout, Pango.WrapWordChar);
            Pango.LayoutSetEllipsize(layout, Pango.EllipsizeNone);
            Pango.LayoutSetAlignment(layout, style.Alignment);
            if (style.LineSpacing > 0)
            {
                Pango.LayoutSetLineSpacing(layout, style.LineSpacing);
            }

            // Unhinted metrics: the same layout (and line breaks) at any size and on the PDF surface too.
            nint options = Cairo.FontOptionsCreate();
            try
            {
                Cairo.FontOptionsSetHintStyle(options, Cairo.HintStyleNone);
                Cairo.FontOptionsSetHintMetrics(options, Cairo.HintMetricsOff);
                Pango.CairoContextSetFontOptions(Pango.LayoutGetContext(layout), options);
                Pango.LayoutContextChanged(layout);
            }
            finally
            {
                Cairo.FontOptionsDestroy(options);
            }
        }

        public void SetText(byte[] utf8, int length)
        {
            fixed (byte* text = utf8)
            {
                Pango.LayoutSetText(layout, text, length);
            }
        }

        public Measurement Measure(double size)
        {
            // Leave room at each side for ink that overhangs the advance (italics, some emoji).
            int inset = (int)Math.Ceiling(size * 0.06);
            int width = Math.Max(1, (int)((maxWidth - (2 * inset)) * Pango.Scale));
            Pango.FontDescriptionSetAbsoluteSize(font, size * Pango.Scale);
            Pango.LayoutSetFontDescription(layout, font);
            Pango.LayoutSetWidth(layout, width);
            Pango.PangoRectangle ink;
            Pango.PangoRectangle logical;
            Pango.LayoutGetExtents(layout, &ink, &logical);
            PixelRect extents = ToPixels(ink).Union(ToPixels(logical));
            int lineCount = Pango.LayoutGetLineCount(layout);
            bool fits = extents.X >= -inset
                && extents.Right <= maxWidth - inset
                && extents.Height <= maxHeight
                && lineCount <= style.MaxLines;
            return new Measurement(size, inset, extents, lineCount, fits);
        }

        /// <summary>Finds the largest whole-pixel size that fits, given that <see cref="TextStyle.MaxSize"/> does not.</summary>
        /// <returns>The fitting measurement, or a failing one at the minimum size.</returns>
        public Measurement Shrink(Measurement atMax)
        {
            int low = (int)Math.Ceiling(style.MinSize);
            int high = (int)Math.Ceiling(style.MaxSize) - 1;
            if (high < low)
            {
                return Measure(style.MinSize);
            }

            // Wrapped text needs area ∝ size², so this guess is usually within a pixel or two; probing its
            // neighbour next settles most searches in two layouts.
            double ratio = Math.Min(
                maxHeight / Math.Max(1, atMax.Extents.Height),
                maxWidth / Math.Max(1, atMax.Extents.Width + (2 * atMax.Inset)));
            int estimate = (int)(style.MaxSize * Math.Sqrt(Math.Min(1, ratio)));
            Measurement? best = null;
            if (estimate <= low)
            {
                // Far too much text (often hostile input): settle the minimum first, it usually fails too.
                Measurement atMinimum = Measure(style.MinSize);
                if (!atMinimum.Fits)
                {
                    return atMinimum;
                }

                best = atMinimum;
            }

            int probe = Math.Clamp(estimate, low, high);
            Measurement last = default;
            bool first = true;

            // Invariant: sizes above high are known to fail; sizes below low are known to fit (best is the largest).
            while (low <= high)
            {
                last = Measure(probe);
                if (last.Fits)
                {
                    best = last;
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

            if (best is { } fitting && last.Size != fitting.Size)
            {
                last = Measure(fitting.Size);
            }

            return last;
        }

        /// <summary>At the minimum size, keeps the lines that fit and ends the last one with an ellipsis.</summary>
        /// <param name="utf8">The full text.</param>
        /// <param name="last">The latest measurement; reused when it already is the full text at the minimum size.</param>
        public Measurement Truncate(byte[] utf8, Measurement last)
        {
            Measurement full = last.Size == style.MinSize ? last : Measure(style.MinSize);
            List<(int Start, int End, int Bottom)> lines = Lines();
            int top = full.Extents.Y;
            int keep = 0;
            while (keep < lines.Count && keep < style.MaxLines && lines[keep].Bottom - top <= maxHeight)
            {
                keep++;
            }

            // Try the end of the last kept line, then earlier word boundaries, then one line fewer.
            for (int line = keep - 1; line >= 0; line--)
            {
                int end = lines[line].End;
                for (int attempt = 0; attempt < 8 && end > lines[line].Start; attempt++)
                {
                    int length = TrimmedLength(utf8, end);
                    byte[] candidate = [.. utf8.AsSpan(0, length), .. EllipsisUtf8];
                    SetText(candidate, candidate.Length);
                    Measurement measurement = Measure(style.MinSize);
                    if (measurement.Fits)
                    {
                        return measurement;
                    }

                    end = PreviousBreak(utf8, lines[line].Start, length);
                }
            }

            // Not even one line fits the box: draw nothing rather than overflow.
            SetText([], 0);
            return Measure(style.MinSize) with { Extents = default, Fits = false };
        }

        private List<(int Start, int End, int Bottom)> Lines()
        {
            var lines = new List<(int Start, int End, int Bottom)>();
            nint iter = Pango.LayoutGetIter(layout);
            try
            {
                do
                {
                    Pango.LayoutLine* line = Pango.LayoutIterGetLineReadonly(iter);
                    Pango.PangoRectangle ink;
                    Pango.PangoRectangle logical;
                    Pango.LayoutIterGetLineExtents(iter, &ink, &logical);
                    int bottom = CeilDiv(Math.Max(ink.Y + ink.Height, logical.Y + logical.Height));
                    lines.Add((line->StartIndex, line->StartIndex + line->Length, bottom));
                }
                while (Pango.LayoutIterNextLine(iter) != 0);
            }
            finally
            {
                Pango.LayoutIterFree(iter);
            }

            return lines;
        }

        // The length without trailing spaces, line breaks and punctuation that would sit oddly before "…".
        private static int TrimmedLength(byte[] utf8, int end)
        {
            while (end > 0 && utf8[end - 1] is (byte)' ' or (byte)'\n' or (byte)',' or (byte)'.' or (byte)';' or (byte)':')
            {
                end--;
            }

            return end;
        }

        // The last space before end (but after start), else a few UTF-8 characters back.
        private static int PreviousBreak(byte[] utf8, int start, int end)
        {
            int space = Array.LastIndexOf(utf8, (byte)' ', end - 1, end - start);
            if (space > start)
            {
                return space;
            }

            // No space: step back three characters, room enough for the ellipsis in one retry.
            int previous = end;
            for (int characters = 0; characters < 3 && previous > start; characters++)
            {
                previous--;
                while (previous > start && (utf8[previous] & 0xC0) == 0x80)
                {
                    previous--;
                }
            }

            return previous;
        }
    }

    private static PixelRect ToPixels(Pango.PangoRectangle rectangle)
    {
        if (rectangle.Width <= 0 || rectangle.Height <= 0)
        {
            return default;
        }

        int left = FloorDiv(rectangle.X);
        int top = FloorDiv(rectangle.Y);
        return new PixelRect(left, top, CeilDiv(rectangle.X + rectangle.Width) - left, CeilDiv(rectangle.Y + rectangle.Height) - top);
    }

    private static int FloorDiv(int pangoUnits) => (int)Math.Floor(pangoUnits / (double)Pango.Scale);

    private static int CeilDiv(int pangoUnits) => (int)Math.Ceiling(pangoUnits / (double)Pango.Scale);
}

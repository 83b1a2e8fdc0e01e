using System.Globalization;
using VibeCoder.Rendering.Text;

namespace VibeCoder.Rendering.Layouts;

/// <summary>A heading over numbered items, each number in an accent disc; all items share one text size.</summary>
internal static class ListLayout
{
    /// <summary>More items than this would leave each one unreadably small; the rest are dropped.</summary>
    public const int MaxItems = 8;

    public static void Paint(SlideCanvas canvas, SlidePage page, double contentBottom)
    {
        var palette = canvas.Palette;
        PixelRect safe = canvas.SafeArea;
        double scale = canvas.Scale;

        double headerBottom = PointHeader.Paint(canvas, page, safe.Y);
        double headingTop = headerBottom + 40;
        var headingStyle = new TextStyle(palette.HeadingFamily, 700, 68 * Math.Sqrt(scale), 36, LineSpacing: 1.05f, Condensed: true);
        double available = contentBottom - headingTop;
        FittedText heading = canvas.Fit(page.Heading, headingStyle, safe.Width, available * 0.3);
        canvas.DrawText(heading, safe.X, headingTop, palette.Text);

        List<string> items = SplitItems(page.Body);
        if (items.Count == 0)
        {
            return;
        }

        double listTop = headingTop + heading.Height + (heading.IsEmpty ? 0 : 48);
        PaintItems(canvas, items, listTop, contentBottom, scale);
    }

    /// <summary>One item per non-empty line, without the bullets or numbers the writer may have typed.</summary>
    internal static List<string> SplitItems(string body)
    {
        var items = new List<string>();
        foreach (string line in body.Split('\n'))
        {
            string item = StripMarker(line.Trim());
            if (item.Length > 0 && items.Count < MaxItems)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static void PaintItems(SlideCanvas canvas, List<string> items, double top, double bottom, double scale)
    {
        var palette = canvas.Palette;
        PixelRect safe = canvas.SafeArea;
        double minimumGap = 22 * scale;
        double maximumGap = 72 * scale;
        double room = bottom - top;
        const double minimumDisc = 40;

        // Keep only as many items as have room for at least their disc; never draw past the bottom.
        int count = items.Count;
        while (count > 0 && (room - ((count - 1) * minimumGap)) / count < minimumDisc)
        {
            count--;
        }

        if (count == 0)
        {
            return;
        }

        items = items.GetRange(0, count);
        double perItem = (room - ((items.Count - 1) * minimumGap)) / items.Count;
        double maxSize = 44 * Math.Sqrt(scale);
        const double minSize = 22;

        // The disc is sized for the largest text; the text column starts after it.
        double disc = Math.Min(64, Math.Max(minimumDisc, perItem * 0.9));
        double textLeft = safe.X + disc + 28;
        double textWidth = safe.Right - textLeft;

        // First pass: each item alone in an equal share; the smallest size any needs becomes everyone's size.
        double shared = maxSize;
        foreach (string item in items)
        {
            var probeStyle = new TextStyle(palette.BodyFamily, 400, maxSize, minSize, LineSpacing: 1.3f);
            FittedText probe = canvas.Fit(item, probeStyle, textWidth, perItem);
            if (probe.Layout is not null)
            {
                shared = Math.Min(shared, probe.Size);
            }
        }

        var style = new TextStyle(palette.BodyFamily, 400, shared, shared, LineSpacing: 1.3f);
        var numberStyle = new TextStyle(palette.HeadingFamily, 700, disc * 0.46, disc * 0.3, Alignment: TextAlignment.Center, MaxLines: 1);
        var fitted = new List<FittedText>(items.Count);
        double used = 0;
        foreach (string item in items)
        {
            FittedText text = canvas.Fit(item, style, textWidth, perItem);
            fitted.Add(text);
            used += Math.Max(text.Height, disc);
        }

        // Spread spare room between the items, up to a comfortable gap.
        double gap = items.Count > 1 ? Math.Clamp((room - used) / (items.Count - 1), minimumGap, maximumGap) : 0;
        double y = top;
        for (int i = 0; i < fitted.Count; i++)
        {
            FittedText text = fitted[i];
            double rowHeight = Math.Max(text.Height, disc);
            double firstLineMiddle = y + Math.Min(rowHeight, text.Height / (double)Math.Max(1, text.LineCount)) / 2;
            double discCenterY = Math.Max(y + (disc / 2), firstLineMiddle);
            canvas.FillCircle(safe.X + (disc / 2), discCenterY, disc / 2, palette.Accent);

            FittedText number = canvas.Fit((i + 1).ToString(CultureInfo.InvariantCulture), numberStyle, disc, disc);
            canvas.DrawText(number, safe.X, discCenterY - (number.Height / 2.0), palette.OnAccent);

            // Single-line items sit centred on the disc; longer ones start level with its top.
            double textTop = text.LineCount == 1 ? discCenterY - (text.Height / 2.0) : y;
            canvas.DrawText(text, textLeft, textTop, palette.Text);
            y += rowHeight + gap;
        }
    }

    // "- item", "• item", "* item", "1. item", "2) item" → "item".
    private static string StripMarker(string line)
    {
        if (line.Length > 1 && line[0] is '-' or '•' or '*' or '–' or '—' or '·' or '▪' or '►' && line[1] == ' ')
        {
            return line[2..].TrimStart();
        }

        int digits = 0;
        while (digits < line.Length && digits < 3 && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ')
        {
            return line[(digits + 2)..].TrimStart();
        }

        return line;
    }
}

using VibeCoder.Rendering.Text;

namespace VibeCoder.Rendering.Layouts;

/// <summary>
/// The footer on every slide: the brand (logo, name, handle) at the left, "3/7" at the right, a progress track above
/// both. What the brand kit switches off is simply not drawn.
/// </summary>
internal static class Footer
{
    private const double TextSize = 28;
    private const double TrackHeight = 6;
    private const double TrackGap = 26;
    private const double GapAboveTrack = 56;

    /// <summary>Draws the footer and returns the lowest y the slide's content may use.</summary>
    public static double Paint(SlideCanvas canvas, SlidePage page)
    {
        PixelRect safe = canvas.SafeArea;
        var palette = canvas.Palette;
        var pageStyle = new TextStyle(palette.BodyFamily, 700, TextSize, TextSize, Alignment: TextAlignment.Right, MaxLines: 1);
        var handleStyle = new TextStyle(palette.BodyFamily, 700, TextSize, TextSize * 0.8, MaxLines: 1);
        const double pageBoxWidth = 200;
        string pageText = $"{page.Number}/{page.Count}";

        FittedText pageLabel = canvas.Fit(pageText, pageStyle, pageBoxWidth, 60);
        double textTop = safe.Bottom - pageLabel.Height;
        if (page.ShowPageNumber)
        {
            canvas.DrawText(pageLabel, safe.Right - pageBoxWidth, textTop, palette.Text);
        }

        double left = safe.X;
        if (page.Logo is { } logo)
        {
            // The logo stands on the footer's baseline, as tall as the room under the track allows.
            double size = pageLabel.Height + TrackGap - 4;
            canvas.DrawImage(logo, left, safe.Bottom - size, size);
            left += size + 16;
        }

        string signature = page.Signature;
        if (signature.Length > 0)
        {
            FittedText handle = canvas.Fit(signature, handleStyle, safe.Right - left - pageBoxWidth - 40, pageLabel.Height);
            canvas.DrawText(handle, left, safe.Bottom - handle.Height, palette.Text, 0.85);
        }

        // The track shows how far through the carousel this slide is.
        double trackY = textTop - TrackGap - TrackHeight;
        double progress = page.Count <= 1 ? 1 : (double)page.Number / page.Count;
        canvas.FillRoundedRect(safe.X, trackY, safe.Width, TrackHeight, TrackHeight / 2, palette.Muted, 0.28);
        canvas.FillRoundedRect(safe.X, trackY, Math.Max(TrackHeight, safe.Width * progress), TrackHeight, TrackHeight / 2, palette.Accent);
        return trackY - GapAboveTrack;
    }
}

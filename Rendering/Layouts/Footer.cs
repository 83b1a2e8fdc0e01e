using VibeCoder.Rendering.Text;

namespace VibeCoder.Rendering.Layouts;

/// <summary>The footer on every slide: the handle at the left, "3/7" at the right, a progress track above both.</summary>
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
        canvas.DrawText(pageLabel, safe.Right - pageBoxWidth, textTop, palette.Text);

        if (page.Handle.Length > 0)
        {
            FittedText handle = canvas.Fit(page.Handle, handleStyle, safe.Width - pageBoxWidth - 40, pageLabel.Height);
            canvas.DrawText(handle, safe.X, safe.Bottom - handle.Height, palette.Text, 0.85);
        }

        // The track shows how far through the carousel this slide is.
        double trackY = textTop - TrackGap - TrackHeight;
        double progress = page.Count <= 1 ? 1 : (double)page.Number / page.Count;
        canvas.FillRoundedRect(safe.X, trackY, safe.Width, TrackHeight, TrackHeight / 2, palette.Muted, 0.28);
        canvas.FillRoundedRect(safe.X, trackY, Math.Max(TrackHeight, safe.Width * progress), TrackHeight, TrackHeight / 2, palette.Accent);
        return trackY - GapAboveTrack;
    }
}

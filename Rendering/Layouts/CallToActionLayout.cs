using VibeCoder.Rendering.Text;

namespace VibeCoder.Rendering.Layouts;

/// <summary>The closing slide: save/like/share icons, a centred heading and line, and a button-shaped call to action.</summary>
internal static class CallToActionLayout
{
    public static void Paint(SlideCanvas canvas, SlidePage page, double contentBottom)
    {
        var palette = canvas.Palette;
        PixelRect safe = canvas.SafeArea;
        double scale = canvas.Scale;
        double centerX = canvas.Width / 2.0;

        canvas.StrokeCircle(centerX, canvas.Height * 0.42, 470 * scale, 2, palette.Accent, 0.25);

        const double iconsHeight = 88;
        const double iconsGap = 64;
        const double headingGap = 36;
        const double buttonGap = 64;
        const double buttonHeight = 104;
        var headingStyle = new TextStyle(palette.HeadingFamily, 700, 96 * Math.Sqrt(scale), 44, LineSpacing: 1.04f, Alignment: TextAlignment.Center, Condensed: true);
        var bodyStyle = new TextStyle(palette.BodyFamily, 400, 42, 26, LineSpacing: 1.32f, Alignment: TextAlignment.Center);
        var buttonStyle = new TextStyle(palette.BodyFamily, 700, 38, 26, MaxLines: 1);

        double available = contentBottom - safe.Y - iconsHeight - iconsGap - buttonGap - buttonHeight;
        FittedText heading = canvas.Fit(page.Heading, headingStyle, safe.Width, page.Body.Length == 0 ? available : available * 0.55);
        double bodyRoom = available - heading.Height - headingGap;
        FittedText body = canvas.Fit(page.Body, bodyStyle, safe.Width, bodyRoom);
        FittedText label = canvas.Fit(page.FollowLabel, buttonStyle, safe.Width - 200, buttonHeight);

        double bodyBlock = body.IsEmpty ? 0 : headingGap + body.Height;
        double groupHeight = iconsHeight + iconsGap + heading.Height + bodyBlock + buttonGap + buttonHeight;
        double top = safe.Y + Math.Max(0, (contentBottom - safe.Y - groupHeight) / 2);

        PaintIcons(canvas, centerX, top + (iconsHeight / 2));
        double headingTop = top + iconsHeight + iconsGap;
        canvas.DrawText(heading, safe.X, headingTop, palette.Text);
        double bodyTop = headingTop + heading.Height + headingGap;
        canvas.DrawText(body, safe.X, bodyTop, palette.Muted);

        double buttonTop = headingTop + heading.Height + bodyBlock + buttonGap;
        const double arrowLength = 36;
        const double arrowGap = 22;
        double buttonWidth = 72 + label.Width + arrowGap + arrowLength + 72;
        double buttonLeft = centerX - (buttonWidth / 2);
        canvas.FillRoundedRect(buttonLeft, buttonTop, buttonWidth, buttonHeight, buttonHeight / 2, palette.Accent);
        canvas.DrawText(label, buttonLeft + 72 - label.Inset - label.Extents.X, buttonTop + ((buttonHeight - label.Height) / 2), palette.OnAccent);
        Shapes.Arrow(canvas, buttonLeft + 72 + label.Width + arrowGap, buttonTop + (buttonHeight / 2), arrowLength, 5, palette.OnAccent);
    }

    // Like, comment, share, save — the row readers know from the app, the last one highlighted.
    private static void PaintIcons(SlideCanvas canvas, double centerX, double centerY)
    {
        var palette = canvas.Palette;
        const double spacing = 120;
        const double size = 52;
        const double line = 4.5;
        double x = centerX - (1.5 * spacing);
        Shapes.Heart(canvas, x, centerY, size, line, palette.Text);
        Shapes.Bubble(canvas, x + spacing, centerY, size, line, palette.Text);
        Shapes.PaperPlane(canvas, x + (2 * spacing), centerY, size, line, palette.Text);
        canvas.FillCircle(x + (3 * spacing), centerY, 44, palette.Accent);
        Shapes.Bookmark(canvas, x + (3 * spacing), centerY, 40, line, palette.OnAccent);
    }
}

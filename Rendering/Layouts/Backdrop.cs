using VibeCoder.Grains.Carousels;

namespace VibeCoder.Rendering.Layouts;

/// <summary>
/// The part of a slide that depends only on its kind, size and colours, never on its words: the background
/// gradient and the kind's soft accent glow. Drawn first, so text and footer lie on top of the glow; on raster
/// slides <see cref="BackdropCache"/> keeps the pixels, because the glow's gradient shader is the costliest thing
/// a slide draws.
/// </summary>
internal static class Backdrop
{
    public static void Paint(SlideCanvas canvas, SlideKind kind)
    {
        canvas.PaintBackground();
        var palette = canvas.Palette;
        double scale = canvas.Scale;
        switch (kind)
        {
            case SlideKind.Cover:
                canvas.FillGlow(canvas.Width * 0.78, canvas.Height * 0.12, 620 * scale, palette.Accent, 0.32);
                break;
            case SlideKind.List:
                canvas.FillGlow(-60, canvas.Height * 0.9, 520 * scale, palette.Accent, 0.2);
                break;
            case SlideKind.Quote:
                canvas.FillGlow(canvas.Width * 0.92, canvas.Height * 0.78, 560 * scale, palette.Accent, 0.22);
                break;
            case SlideKind.CallToAction:
                canvas.FillGlow(canvas.Width / 2.0, canvas.Height * 0.42, 520 * scale, palette.Accent, 0.24);
                break;
            default:
                canvas.FillGlow(canvas.Width + 40, canvas.Height * 0.05, 560 * scale, palette.Accent, 0.22);
                break;
        }
    }
}

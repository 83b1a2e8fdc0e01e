using VibeCoder.Grains.Carousels;

namespace VibeCoder.Rendering.Layouts;

/// <summary>Draws one whole slide (backdrop, footer, the kind's layout) on a canvas.</summary>
internal static class SlidePainter
{
    public static void Paint(SlideCanvas canvas, SlidePage page)
    {
        if (page.Photo is { } photo)
        {
            PhotoBackdrop.Paint(canvas, photo, page.PhotoFocus, page.Kind);
        }
        else
        {
            Backdrop.Paint(canvas, page.Kind);
        }

        PaintForeground(canvas, page);
    }

    /// <summary>Draws everything but the <see cref="Backdrop"/>, over a canvas that already shows it.</summary>
    public static void PaintForeground(SlideCanvas canvas, SlidePage page)
    {
        double contentBottom = Footer.Paint(canvas, page);
        switch (page.Kind)
        {
            case SlideKind.Cover:
                CoverLayout.Paint(canvas, page, contentBottom);
                break;
            case SlideKind.List:
                ListLayout.Paint(canvas, page, contentBottom);
                break;
            case SlideKind.Quote:
                QuoteLayout.Paint(canvas, page, contentBottom);
                break;
            case SlideKind.CallToAction:
                CallToActionLayout.Paint(canvas, page, contentBottom);
                break;
            default:
                ContentLayout.Paint(canvas, page, contentBottom);
                break;
        }
    }
}

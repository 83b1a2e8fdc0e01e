using VibeCoder.Grains.Carousels;

namespace VibeCoder.Rendering.Layouts;

/// <summary>Draws one whole slide (background, footer, the kind's layout) on a canvas.</summary>
internal static class SlidePainter
{
    public static void Paint(SlideCanvas canvas, SlidePage page)
    {
        canvas.PaintBackground();
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

using VibeCoder.Grains.Carousels;

namespace VibeCoder.Rendering;

/// <summary>Draws carousel slides. Implementations are thread-safe: any number of renders may run at once.</summary>
public interface ISlideRenderer
{
    /// <summary>Renders one slide as a PNG.</summary>
    /// <param name="slide">The slide's words and kind.</param>
    /// <param name="pageNumber">The slide's 1-based position, shown in the footer.</param>
    /// <param name="pageCount">How many slides the carousel has.</param>
    /// <param name="options">Theme, size, footer handle and brand colours.</param>
    /// <exception cref="ArgumentException">Unknown theme, invalid brand colour or page numbers out of range.</exception>
    RenderedSlide RenderSlide(SlideContent slide, int pageNumber, int pageCount, RenderOptions options);

    /// <summary>Renders one slide as a PNG, drawing the images the design names (the brand logo) from <paramref name="images"/>.</summary>
    /// <param name="slide">The slide's words and kind.</param>
    /// <param name="pageNumber">The slide's 1-based position, shown in the footer.</param>
    /// <param name="pageCount">How many slides the carousel has.</param>
    /// <param name="options">Theme, size, footer handle, brand colours and brand kit.</param>
    /// <param name="images">The images by content hash; one the design names but this lacks is left out.</param>
    /// <exception cref="ArgumentException">Unknown theme, invalid brand colour or font, or page numbers out of range.</exception>
    RenderedSlide RenderSlide(SlideContent slide, int pageNumber, int pageCount, RenderOptions options, SlideImages images);

    /// <summary>Renders the whole carousel as one PDF with the images the design names.</summary>
    /// <param name="content">The carousel.</param>
    /// <param name="options">Theme, size, footer handle, brand colours and brand kit.</param>
    /// <param name="images">The images by content hash.</param>
    /// <returns>The PDF file.</returns>
    /// <exception cref="ArgumentException">No slides, unknown theme or invalid brand colour or font.</exception>
    byte[] RenderPdf(CarouselContent content, RenderOptions options, SlideImages images);

    /// <summary>Renders the whole carousel as one PDF, one page per slide, with vector text.</summary>
    /// <param name="content">The carousel.</param>
    /// <param name="options">Theme, size, footer handle and brand colours.</param>
    /// <returns>The PDF file.</returns>
    /// <exception cref="ArgumentException">No slides, unknown theme or invalid brand colour.</exception>
    byte[] RenderPdf(CarouselContent content, RenderOptions options);
}

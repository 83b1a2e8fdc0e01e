namespace VibeCoder.Rendering.Tests.Support;

/// <summary>The checks every rendered slide must pass, whatever its text.</summary>
internal static class SlideAssert
{
    /// <summary>A valid PNG of the expected size, not blank, with all text inside the safe margins and no missing-glyph boxes.</summary>
    public static PngImage IsGoodSlide(RenderedSlide slide, int width, int height)
    {
        Assert.True(PngImage.HasSignature(slide.Png), "PNG signature missing");
        Assert.Equal((width, height), PngImage.ReadHeaderSize(slide.Png));
        Assert.Equal((width, height), (slide.Width, slide.Height));

        PngImage image = PngImage.Decode(slide.Png);
        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.True(image.DistinctColors() > 200, $"Only {image.DistinctColors()} distinct colours: the slide looks blank.");
        Assert.True(image.CountContrasting(image.Pixel(2, 2), 60) > 2_000, "Too few pixels stand out from the background: no visible text.");

        var safe = new PixelRect(SkiaSlideRenderer.SafeMargin, SkiaSlideRenderer.SafeMargin,
            width - (2 * SkiaSlideRenderer.SafeMargin), height - (2 * SkiaSlideRenderer.SafeMargin));
        Assert.Equal(safe, slide.SafeArea);
        Assert.NotEmpty(slide.TextBlocks);
        foreach (PixelRect block in slide.TextBlocks)
        {
            Assert.True(safe.Contains(block), $"Text block {block} leaves the safe area {safe}.");
        }

        Assert.True(safe.Contains(slide.TextBounds), $"Text bounds {slide.TextBounds} leave the safe area {safe}.");
        Assert.Equal(0, slide.UnknownGlyphs);
        return image;
    }
}

using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Tests.Support;

namespace VibeCoder.Rendering.Tests;

public sealed class BrandColorTests
{
    private static readonly SkiaSlideRenderer Renderer = new();

    [Fact]
    public void RenderSlide_BrandBackground_PaintsTheTopLeftInThatColour()
    {
        var options = new RenderOptions("sunrise", SlideSize.Portrait, "@brand", new BrandColors("#123456", null, null));

        RenderedSlide slide = Renderer.RenderSlide(SlideSamples.Typical(SlideKind.Content), 2, 5, options);

        PngImage image = SlideAssert.IsGoodSlide(slide, 1080, 1350);
        (byte r, byte g, byte b, _) = image.Pixel(3, 3);
        Assert.InRange(r, 0x12 - 2, 0x12 + 2);
        Assert.InRange(g, 0x34 - 2, 0x34 + 2);
        Assert.InRange(b, 0x56 - 2, 0x56 + 2);
    }

    [Fact]
    public void RenderSlide_BrandAccent_FillsTheCoverDisc()
    {
        var options = new RenderOptions("midnight", SlideSize.Portrait, null, new BrandColors(null, null, "#ff0000"));

        RenderedSlide slide = Renderer.RenderSlide(SlideSamples.Typical(SlideKind.Cover), 1, 5, options);

        // The cover's solid accent disc sits in the top-right corner.
        PngImage image = PngImage.Decode(slide.Png);
        Assert.Equal((255, 0, 0, 255), ((int)image.Pixel(1040, 190).R, (int)image.Pixel(1040, 190).G, (int)image.Pixel(1040, 190).B, (int)image.Pixel(1040, 190).A));
    }

    [Fact]
    public void RenderSlide_BrandText_ColoursTheHeading()
    {
        var themeOnly = new RenderOptions("mono", SlideSize.Portrait, null, null);
        var branded = new RenderOptions("mono", SlideSize.Portrait, null, new BrandColors(null, "#007a00", null)); // 5.5:1 on white: readable, so kept
        var slide = new SlideContent(SlideKind.Content, "GREEN HEADING WITH MANY LETTERS", string.Empty);

        PngImage plain = PngImage.Decode(Renderer.RenderSlide(slide, 2, 3, themeOnly).Png);
        PngImage green = PngImage.Decode(Renderer.RenderSlide(slide, 2, 3, branded).Png);

        Assert.True(CountGreen(green) > 5_000, "The heading was not drawn in the brand text colour.");
        Assert.Equal(0, CountGreen(plain));
    }

    [Theory]
    [InlineData("red", null, null, "Brand.Background")]
    [InlineData(null, "#12345", null, "Brand.Text")]
    [InlineData(null, null, "#gggggg", "Brand.Accent")]
    [InlineData("123456", null, null, "Brand.Background")]
    [InlineData(null, null, "#1234567", "Brand.Accent")]
    public void RenderSlide_InvalidBrandHex_ThrowsNamingTheColour(string? background, string? text, string? accent, string name)
    {
        var options = new RenderOptions("midnight", SlideSize.Portrait, null, new BrandColors(background, text, accent));

        var exception = Assert.Throws<ArgumentException>(() => Renderer.RenderSlide(SlideSamples.Typical(SlideKind.Cover), 1, 1, options));

        Assert.Contains(name, exception.Message, StringComparison.Ordinal);
        Assert.Contains("#rrggbb", exception.Message, StringComparison.Ordinal);
    }

    private static int CountGreen(PngImage image)
    {
        int count = 0;
        for (int i = 0; i < image.Rgba.Length; i += 4)
        {
            if (image.Rgba[i + 1] > 120 && image.Rgba[i] < 60 && image.Rgba[i + 2] < 60)
            {
                count++;
            }
        }

        return count;
    }
}

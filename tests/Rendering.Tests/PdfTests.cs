using System.Text;
using System.Text.RegularExpressions;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Tests.Support;

namespace VibeCoder.Rendering.Tests;

public sealed partial class PdfTests
{
    private static readonly CairoSlideRenderer Renderer = new();

    [Theory]
    [InlineData(SlideSize.Portrait, 1080, 1350)]
    [InlineData(SlideSize.Square, 1080, 1080)]
    public void RenderPdf_Carousel_HasOneVectorPagePerSlide(SlideSize size, int width, int height)
    {
        CarouselContent carousel = Carousel(SlideSamples.Kinds.Select(SlideSamples.Typical).Concat([SlideSamples.Typical(SlideKind.Content)]).ToArray());

        byte[] pdf = Renderer.RenderPdf(carousel, new RenderOptions("paper", size, "@pdf", null));

        string text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF", text.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(carousel.Slides.Count, PageObject().Count(text));
        Assert.Contains($"/Count {carousel.Slides.Count}", text, StringComparison.Ordinal);
        Assert.Contains($"/MediaBox [ 0 0 {width} {height} ]", text, StringComparison.Ordinal);
        // Text stays text: embedded fonts, not pictures of letters.
        Assert.Contains("/FontFile", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderPdf_HostileAndEmojiText_StillProducesAllPages()
    {
        SlideContent[] slides = SlideSamples.Texts()
            .Select((text, i) => new SlideContent(SlideSamples.Kinds[i % SlideSamples.Kinds.Length], text.Heading, text.Body))
            .ToArray();

        byte[] pdf = Renderer.RenderPdf(Carousel(slides), new RenderOptions("midnight", SlideSize.Portrait, "@h", null));

        Assert.Equal(slides.Length, PageObject().Count(Encoding.Latin1.GetString(pdf)));
    }

    [Fact]
    public void RenderPdf_NoSlides_Throws()
    {
        Assert.Throws<ArgumentException>(() => Renderer.RenderPdf(Carousel([]), new RenderOptions("midnight", SlideSize.Portrait, null, null)));
    }

    private static CarouselContent Carousel(SlideContent[] slides) =>
        new("Title <with> & markup", slides, "Caption", ["#one", "#two"], "en");

    // "/Type /Page" followed by anything but the "s" of "/Type /Pages".
    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();
}

using System.Text;
using System.Text.RegularExpressions;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Tests.Support;

namespace VibeCoder.Rendering.Tests;

public sealed partial class PdfTests
{
    private static readonly SkiaSlideRenderer Renderer = new();

    [Fact]
    public void RenderPdf_MixedScriptsAndEmoji_PdftotextGetsEveryWordBack()
    {
        SlideContent[] slides =
        [
            new(SlideKind.Cover, "Привет, world! «Ёлка» — 🚀", "Смешиваем кириллицу и Latin, ёж и ЁЖ"),
            new(SlideKind.Content, "Семья 👩‍💻👨‍💻 и флаги 🇷🇺🇺🇸", "Аплодисменты 👏🏽 👍🏿 и ключ #️⃣ — office fine, affluent"),
            new(SlideKind.List, "Список", "Первый пункт 🎯\nSecond item ☕\nТретий 🇩🇪"),
            new(SlideKind.Quote, "Лев Толстой", "Все счастливые семьи похожи друг на друга."),
            new(SlideKind.CallToAction, "Сохраните 🔖", "Подписывайтесь"),
        ];

        byte[] pdf = Renderer.RenderPdf(Carousel(slides), new RenderOptions("midnight", SlideSize.Portrait, "@pdf_text", null));
        string extracted = PdfText.Extract(pdf);

        Assert.Equal(slides.Length, PdfText.PageCount(pdf));
        string compact = string.Concat(extracted.Where(c => !char.IsWhiteSpace(c)));
        foreach (SlideContent slide in slides)
        {
            foreach (string word in $"{slide.Heading} {slide.Body}".Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                // "office" and "affluent" are drawn with ligature glyphs; the run's clusters map them back to letters.
                Assert.True(compact.Contains(word, StringComparison.Ordinal), $"pdftotext lost '{word}'. It returned:\n{extracted}");
            }
        }

        Assert.Contains("@pdf_text", extracted, StringComparison.Ordinal);
        Assert.Contains("2/5", extracted, StringComparison.Ordinal);
    }

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
        Assert.Equal(carousel.Slides.Count, MediaBox().Matches(text).Count(match => match.Value == $"/MediaBox [0 0 {width} {height}]"));
        // Text stays text: embedded fonts, not pictures of letters.
        Assert.Contains("/FontFile2", text, StringComparison.Ordinal);
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

    [GeneratedRegex(@"/MediaBox \[[^\]]*\]")]
    private static partial Regex MediaBox();

    // "/Type /Page" followed by anything but the "s" of "/Type /Pages".
    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();
}

using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Tests.Support;
using VibeCoder.Rendering.Themes;

namespace VibeCoder.Rendering.Tests;

public sealed class SkiaSlideRendererTests
{
    private static readonly SkiaSlideRenderer Renderer = new();

    public static TheoryData<SlideKind, string> KindsAndThemes()
    {
        var data = new TheoryData<SlideKind, string>();
        foreach (SlideKind kind in SlideSamples.Kinds)
        {
            foreach (string theme in SlideThemes.Names)
            {
                data.Add(kind, theme);
            }
        }

        return data;
    }

    public static TheoryData<SlideKind, string> KindsAndTexts()
    {
        var data = new TheoryData<SlideKind, string>();
        foreach (SlideKind kind in SlideSamples.Kinds)
        {
            foreach ((string name, _, _) in SlideSamples.Texts())
            {
                data.Add(kind, name);
            }
        }

        return data;
    }

    public static TheoryData<SlideKind, string> KindsAndHardestTexts()
    {
        var data = new TheoryData<SlideKind, string>();
        foreach (SlideKind kind in SlideSamples.Kinds)
        {
            foreach (string name in new[] { "long", "mixed-script", "ten-kilobytes", "many-newlines" })
            {
                data.Add(kind, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndThemes))]
    public void RenderSlide_EveryKindAndThemePortrait_IsAGood1080x1350Slide(SlideKind kind, string theme)
    {
        RenderedSlide slide = Renderer.RenderSlide(SlideSamples.Typical(kind), 3, 7, new RenderOptions(theme, SlideSize.Portrait, "@vibecoder", null));

        SlideAssert.IsGoodSlide(slide, 1080, 1350);
        Assert.Equal(0, slide.StrippedCharacters);
    }

    [Theory]
    [MemberData(nameof(KindsAndThemes))]
    public void RenderSlide_EveryKindAndThemeSquare_IsAGood1080x1080Slide(SlideKind kind, string theme)
    {
        RenderedSlide slide = Renderer.RenderSlide(SlideSamples.Typical(kind), 1, 5, new RenderOptions(theme, SlideSize.Square, "@vibecoder", null));

        SlideAssert.IsGoodSlide(slide, 1080, 1080);
    }

    [Theory]
    [MemberData(nameof(KindsAndThemes))]
    public void RenderSlide_EveryKindAndThemeStory_IsAGood1080x1920Slide(SlideKind kind, string theme)
    {
        RenderedSlide slide = Renderer.RenderSlide(SlideSamples.Typical(kind), 2, 5, new RenderOptions(theme, SlideSize.Story, "@vibecoder", null));

        SlideAssert.IsGoodSlide(slide, 1080, 1920);
    }

    [Theory]
    [MemberData(nameof(KindsAndTexts))]
    public void RenderSlide_StressTextPortrait_StaysInsideSafeMarginsWithoutMissingGlyphs(SlideKind kind, string textName)
    {
        (_, string heading, string body) = SlideSamples.Texts().Single(text => text.Name == textName);

        RenderedSlide slide = Renderer.RenderSlide(new SlideContent(kind, heading, body), 2, 7, new RenderOptions("midnight", SlideSize.Portrait, "@handle", null));

        SlideAssert.IsGoodSlide(slide, 1080, 1350);
    }

    [Theory]
    [MemberData(nameof(KindsAndHardestTexts))]
    public void RenderSlide_StressTextSquare_StaysInsideSafeMarginsWithoutMissingGlyphs(SlideKind kind, string textName)
    {
        (_, string heading, string body) = SlideSamples.Texts().Single(text => text.Name == textName);

        RenderedSlide slide = Renderer.RenderSlide(new SlideContent(kind, heading, body), 2, 7, new RenderOptions("paper", SlideSize.Square, "@a-rather-long-handle-for-the-footer", null));

        SlideAssert.IsGoodSlide(slide, 1080, 1080);
    }

    [Fact]
    public void RenderSlide_EmojiWithEmojiFontInstalled_KeepsThemInColour()
    {
        var plain = new SlideContent(SlideKind.Content, "Launch day", "Ship it");
        var emoji = new SlideContent(SlideKind.Content, "Launch day 🍎🍎🍎", "Ship it");
        var options = new RenderOptions("mono", SlideSize.Portrait, null, null);

        RenderedSlide withEmoji = Renderer.RenderSlide(emoji, 2, 3, options);
        RenderedSlide without = Renderer.RenderSlide(plain, 2, 3, options);

        // The mono theme has no red at all; red apples can only come from the colour emoji font.
        Assert.Equal(0, withEmoji.StrippedCharacters);
        Assert.Equal(0, withEmoji.UnknownGlyphs);
        Assert.True(CountReddish(PngImage.Decode(withEmoji.Png)) > 500, "No red pixels: the emoji were not drawn in colour (is fonts-noto-color-emoji installed?).");
        Assert.Equal(0, CountReddish(PngImage.Decode(without.Png)));
    }

    [Fact]
    public void RenderSlide_CharactersNoFontHas_AreStrippedAndWarnedAboutOnce()
    {
        var logger = new CapturingLogger<SkiaSlideRenderer>();
        var renderer = new SkiaSlideRenderer(logger);
        // U+0378 is unassigned and U+13000 an Egyptian hieroglyph: no installed font draws either.
        var slide = new SlideContent(SlideKind.Content, "Missing \u0378 glyphs 𓀀𓀁", "Body 𓀂 text \u0378\u0379 end");
        var options = new RenderOptions("midnight", SlideSize.Portrait, "@h", null);

        RenderedSlide first = renderer.RenderSlide(slide, 2, 3, options);
        RenderedSlide second = renderer.RenderSlide(slide, 2, 3, options);

        SlideAssert.IsGoodSlide(first, 1080, 1350);
        Assert.Equal(0, first.UnknownGlyphs);
        Assert.True(first.StrippedCharacters >= 6, $"Stripped {first.StrippedCharacters} characters, expected at least 6.");
        Assert.Equal(first.StrippedCharacters, second.StrippedCharacters);
        var warning = Assert.Single(logger.Entries, entry => entry.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains("fonts-noto-color-emoji", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderSlide_MarkupCharacters_AreDrawnAsText()
    {
        var options = new RenderOptions("midnight", SlideSize.Portrait, null, null);

        RenderedSlide markup = Renderer.RenderSlide(new SlideContent(SlideKind.Content, "<b>x</b>", "<i>&amp;</i>"), 2, 3, options);
        RenderedSlide letters = Renderer.RenderSlide(new SlideContent(SlideKind.Content, "bxb", "iampi"), 2, 3, options);

        // Markup is never interpreted: as plain text it is wider than the same letters without symbols.
        Assert.Equal(letters.TextBlocks.Count, markup.TextBlocks.Count);
        Assert.True(markup.TextBounds.Width > letters.TextBounds.Width / 2);
        Assert.True(SumWidths(markup) > SumWidths(letters), "Markup characters were not drawn.");
    }

    [Fact]
    public void RenderSlide_LongHeading_ShrinksInsteadOfOverflowing()
    {
        var options = new RenderOptions("sunrise", SlideSize.Portrait, null, null);

        RenderedSlide shortHeading = Renderer.RenderSlide(new SlideContent(SlideKind.Cover, "Short", string.Empty), 1, 3, options);
        RenderedSlide longHeading = Renderer.RenderSlide(new SlideContent(SlideKind.Cover, string.Join(' ', Enumerable.Repeat("Words that keep coming", 12)), string.Empty), 1, 3, options);

        // The heading is the tallest block on a cover; a long one uses many lines of smaller type, all inside the margins.
        int shortLine = shortHeading.TextBlocks.Max(block => block.Height);
        int longTotal = longHeading.TextBlocks.Max(block => block.Height);
        Assert.True(longTotal > shortLine * 2, "The long heading did not wrap onto several lines.");
        SlideAssert.IsGoodSlide(longHeading, 1080, 1350);
    }

    [Fact]
    public void RenderSlide_SameInput_IsDeterministic()
    {
        var slide = SlideSamples.Typical(SlideKind.List);
        var options = new RenderOptions("neon", SlideSize.Portrait, "@same", null);

        RenderedSlide first = Renderer.RenderSlide(slide, 4, 7, options);
        RenderedSlide second = Renderer.RenderSlide(slide, 4, 7, options);

        Assert.Equal(first.Png, second.Png);
    }

    [Fact]
    public void RenderSlide_FooterPageIndicator_DiffersPerPage()
    {
        var slide = SlideSamples.Typical(SlideKind.Content);
        var options = new RenderOptions("mint", SlideSize.Portrait, "@page", null);

        RenderedSlide third = Renderer.RenderSlide(slide, 3, 7, options);
        RenderedSlide fourth = Renderer.RenderSlide(slide, 4, 7, options);

        Assert.NotEqual(third.Png, fourth.Png);
        Assert.Equal(third.TextBlocks.Count, fourth.TextBlocks.Count);
    }

    [Fact]
    public void RenderSlide_UnknownTheme_ThrowsNamingTheKnownThemes()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            Renderer.RenderSlide(SlideSamples.Typical(SlideKind.Cover), 1, 1, new RenderOptions("nope", SlideSize.Portrait, null, null)));

        Assert.Contains("nope", exception.Message, StringComparison.Ordinal);
        Assert.Contains("midnight", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(4, 3)]
    [InlineData(1, 0)]
    public void RenderSlide_PageOutOfRange_Throws(int page, int count)
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() =>
            Renderer.RenderSlide(SlideSamples.Typical(SlideKind.Cover), page, count, new RenderOptions("midnight", SlideSize.Portrait, null, null)));
    }

    private static int SumWidths(RenderedSlide slide) => slide.TextBlocks.Sum(block => block.Width);

    private static int CountReddish(PngImage image)
    {
        int count = 0;
        for (int i = 0; i < image.Rgba.Length; i += 4)
        {
            if (image.Rgba[i] > 150 && image.Rgba[i + 1] < 90 && image.Rgba[i + 2] < 90)
            {
                count++;
            }
        }

        return count;
    }
}

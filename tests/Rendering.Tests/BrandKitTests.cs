using SkiaSharp;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Fonts;
using VibeCoder.Rendering.Tests.Support;
using VibeCoder.Rendering.Themes;
using VibeCoder.TestServers.Images;

namespace VibeCoder.Rendering.Tests;

public sealed class BrandKitTests
{
    private static readonly SkiaSlideRenderer Renderer = new();

    [Fact]
    public void RenderSlide_KitBackground_OverridesThemeAndLegacyBrand()
    {
        var options = new RenderOptions("sunrise", SlideSize.Portrait, null, new BrandColors("#ffffff", null, null), new BrandKit(BackgroundColor: "#203040"));

        PngImage image = PngImage.Decode(Renderer.RenderSlide(SlideSamples.Typical(SlideKind.Content), 2, 5, options).Png);

        (byte r, byte g, byte b, _) = image.Pixel(3, 3);
        Assert.Equal((0x20, 0x30, 0x40), ((int)r, (int)g, (int)b));
    }

    [Fact]
    public void RenderSlide_KitPrimaryColour_ColoursTheHeading()
    {
        var slide = new SlideContent(SlideKind.Content, "GREEN HEADING WITH MANY LETTERS", string.Empty);
        var kit = new BrandKit(PrimaryColor: "#007a00");

        PngImage green = PngImage.Decode(Renderer.RenderSlide(slide, 2, 3, Options("mono", kit)).Png);

        Assert.True(CountPixels(green, (r, g, b) => g > 110 && r < 40 && b < 40) > 5_000, "The heading was not drawn in the primary colour.");
    }

    [Fact]
    public void RenderSlide_KitFonts_ChangeTheSlide()
    {
        var slide = SlideSamples.Typical(SlideKind.Content);

        byte[] sans = Renderer.RenderSlide(slide, 2, 5, Options("midnight", new BrandKit(HeadingFont: "sans", BodyFont: "sans"))).Png;
        byte[] mono = Renderer.RenderSlide(slide, 2, 5, Options("midnight", new BrandKit(HeadingFont: "mono", BodyFont: "mono"))).Png;
        byte[] serif = Renderer.RenderSlide(slide, 2, 5, Options("midnight", new BrandKit(HeadingFont: "serif", BodyFont: "serif"))).Png;

        Assert.NotEqual(sans, mono);
        Assert.NotEqual(sans, serif);
        Assert.NotEqual(mono, serif);
    }

    [Fact]
    public void Palette_KitFonts_ReplaceTheThemesFamilies()
    {
        SlideThemes.TryGet("paper", out SlideTheme? paper);

        SlidePalette palette = SlidePalette.Create(paper!, null, new BrandKit(HeadingFont: "condensed", BodyFont: "mono"));

        Assert.StartsWith("DejaVu Sans Condensed", palette.HeadingFamily, StringComparison.Ordinal);
        Assert.StartsWith("DejaVu Sans Mono", palette.BodyFamily, StringComparison.Ordinal);
    }

    [Fact]
    public void BrandFonts_EveryOfferedFont_IsInstalledUnderItsOwnName()
    {
        foreach (BrandFont font in BrandFonts.Offered)
        {
            FontChain chain = FontCatalog.Shared.Chain(new FontStyleKey(font.Families, 400, false, false));

            // fontconfig answers every name with *some* face; the offer is honest only when it is the named family
            // (a condensed family is the base family's condensed width).
            bool condensed = font.DisplayName.EndsWith(" Condensed", StringComparison.Ordinal);
            Assert.Equal(condensed ? font.DisplayName[..^" Condensed".Length] : font.DisplayName, chain.Primary.FamilyName);
            Assert.Equal(condensed, chain.Primary.Typeface.FontStyle.Width < (int)SKFontStyleWidth.Normal);
        }
    }

    [Fact]
    public void RenderSlide_UnknownKitFont_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            Renderer.RenderSlide(SlideSamples.Typical(SlideKind.Cover), 1, 3, Options("midnight", new BrandKit(BodyFont: "comic-sans"))));

        Assert.Contains("Kit.BodyFont", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderSlide_KitNameAndHandle_AreDrawnInTheFooter()
    {
        var slide = SlideSamples.Typical(SlideKind.Content);
        var plain = Renderer.RenderSlide(slide, 2, 5, Options("midnight", new BrandKit(ShowPageNumbers: false)));
        var signed = Renderer.RenderSlide(slide, 2, 5, Options("midnight", new BrandKit(DisplayName: "Anna Petrova", Handle: "@anna", ShowPageNumbers: false)));

        Assert.Equal(FooterBlocks(plain) + 1, FooterBlocks(signed));
        PixelRect signature = signed.TextBlocks.Last(block => block.Bottom > signed.SafeArea.Bottom - 60);
        Assert.True(signature.Width > 200, "The name and handle should make a wide label.");
    }

    [Fact]
    public void RenderSlide_SwitchesOff_HideHandleAndPageNumber()
    {
        var slide = SlideSamples.Typical(SlideKind.Content);
        var shown = Renderer.RenderSlide(slide, 2, 5, Options("midnight", new BrandKit(Handle: "@anna")));
        var hidden = Renderer.RenderSlide(slide, 2, 5, Options("midnight", new BrandKit(Handle: "@anna", ShowHandle: false, ShowPageNumbers: false)));

        Assert.Equal(2, FooterBlocks(shown));
        Assert.Equal(0, FooterBlocks(hidden));
    }

    [Fact]
    public void RenderSlide_KitHandle_ReplacesTheSettingsFooterHandle()
    {
        var slide = SlideSamples.Typical(SlideKind.Content);
        var settingsOnly = Renderer.RenderSlide(slide, 2, 5, new RenderOptions("midnight", SlideSize.Portrait, "@a", null, new BrandKit(ShowPageNumbers: false)));
        var kitHandle = Renderer.RenderSlide(slide, 2, 5, new RenderOptions("midnight", SlideSize.Portrait, "@a", null, new BrandKit(Handle: "@a-much-longer-handle", ShowPageNumbers: false)));

        Assert.True(FooterLabel(kitHandle).Width > FooterLabel(settingsOnly).Width + 100);
    }

    [Fact]
    public void RenderSlide_Logo_IsDrawnInTheFooterAndOnTheCover()
    {
        byte[] red = TestPictures.Solid(200, 200, SKColors.Red);
        string hash = Images.LogoImages.HashOf(red);
        var images = new SlideImages([new(hash, red)]);
        var options = Options("midnight", new BrandKit(LogoHash: hash));

        PngImage content = PngImage.Decode(Renderer.RenderSlide(SlideSamples.Typical(SlideKind.Content), 2, 5, options, images).Png);
        PngImage cover = PngImage.Decode(Renderer.RenderSlide(SlideSamples.Typical(SlideKind.Cover), 1, 5, options, images).Png);
        PngImage withoutLogo = PngImage.Decode(Renderer.RenderSlide(SlideSamples.Typical(SlideKind.Content), 2, 5, options with { Kit = options.Kit! with { ShowLogo = false } }, images).Png);

        Assert.True(IsRed(content.Pixel(SkiaSlideRenderer.SafeMargin + 20, 1350 - SkiaSlideRenderer.SafeMargin - 20)), "no logo in the footer");
        Assert.True(IsRed(cover.Pixel(SkiaSlideRenderer.SafeMargin + 60, SkiaSlideRenderer.SafeMargin + 60)), "no logo on the cover");
        Assert.False(IsRed(withoutLogo.Pixel(SkiaSlideRenderer.SafeMargin + 20, 1350 - SkiaSlideRenderer.SafeMargin - 20)), "logo drawn although switched off");
    }

    [Fact]
    public void RenderSlide_LogoMissingFromImages_RendersWithoutIt()
    {
        var options = Options("midnight", new BrandKit(LogoHash: new string('a', 64)));

        RenderedSlide slide = Renderer.RenderSlide(SlideSamples.Typical(SlideKind.Cover), 1, 5, options, SlideImages.None);

        SlideAssert.IsGoodSlide(slide, 1080, 1350);
    }

    [Fact]
    public void RenderPdf_WithKitAndLogo_HasEveryPage()
    {
        byte[] blue = TestPictures.Solid(64, 64, SKColors.Blue);
        string hash = Images.LogoImages.HashOf(blue);
        var content = new CarouselContent("T", [SlideSamples.Typical(SlideKind.Cover), SlideSamples.Typical(SlideKind.Content)], "c", [], "en");

        byte[] pdf = Renderer.RenderPdf(content, Options("paper", new BrandKit(DisplayName: "Anna", LogoHash: hash, HeadingFont: "serif")), new SlideImages([new(hash, blue)]));

        Assert.Equal(2, PdfText.PageCount(pdf));
    }

    private static RenderOptions Options(string theme, BrandKit kit) => new(theme, SlideSize.Portrait, null, null, kit);

    private static int FooterBlocks(RenderedSlide slide) => slide.TextBlocks.Count(block => block.Bottom > slide.SafeArea.Bottom - 60);

    private static PixelRect FooterLabel(RenderedSlide slide) => slide.TextBlocks.Last(block => block.Bottom > slide.SafeArea.Bottom - 60);

    private static bool IsRed((byte R, byte G, byte B, byte A) pixel) => pixel.R > 200 && pixel.G < 50 && pixel.B < 50;

    private static int CountPixels(PngImage image, Func<byte, byte, byte, bool> match)
    {
        int count = 0;
        for (int i = 0; i < image.Rgba.Length; i += 4)
        {
            if (match(image.Rgba[i], image.Rgba[i + 1], image.Rgba[i + 2]))
            {
                count++;
            }
        }

        return count;
    }
}

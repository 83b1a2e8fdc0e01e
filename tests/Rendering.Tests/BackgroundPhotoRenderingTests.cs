using System.Text;
using SkiaSharp;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Images;
using VibeCoder.Rendering.Tests.Support;
using VibeCoder.Rendering.Themes;
using VibeCoder.TestServers.Images;

namespace VibeCoder.Rendering.Tests;

public sealed class BackgroundPhotoRenderingTests
{
    private static readonly SkiaSlideRenderer Renderer = new();
    private static readonly Lazy<BackgroundPhoto> RedBlue = new(() => BackgroundPhotos.Prepare(TestPictures.Halves(2000, 1000)));
    private static readonly Lazy<BackgroundPhoto> White = new(() => BackgroundPhotos.Prepare(TestPictures.Solid(1200, 1500, SKColors.White, SKEncodedImageFormat.Jpeg)));

    [Fact]
    public void RenderSlide_FocusLeftOrRight_CropsADifferentPartOfThePhoto()
    {
        BackgroundPhoto photo = RedBlue.Value;
        SlideImages images = Images(photo);

        PngImage left = Render(SlideKind.Cover, 1, Options(new SlideBackground(photo.Hash).WithCell(0, 1)), images);
        PngImage right = Render(SlideKind.Cover, 1, Options(new SlideBackground(photo.Hash).WithCell(2, 1)), images);
        PngImage centre = Render(SlideKind.Cover, 1, Options(new SlideBackground(photo.Hash)), images);

        // The top band has the lightest overlay and no text: the photo shows through, darkened.
        Assert.True(IsReddish(left.Pixel(540, 40)), $"left focus shows {left.Pixel(540, 40)}");
        Assert.True(IsBluish(right.Pixel(540, 40)), $"right focus shows {right.Pixel(540, 40)}");
        Assert.True(IsReddish(centre.Pixel(300, 40)) && IsBluish(centre.Pixel(780, 40)), "the centre crop shows both halves");
    }

    [Fact]
    public void Crop_FocusBeyondThePhoto_StaysInsideIt()
    {
        SKRect crop = Layouts.PhotoBackdrop.Crop(1800, 1350, 1080, 1350, (1, 1));

        Assert.Equal(1800 - 1080, crop.Left, 3);
        Assert.Equal(0, crop.Top, 3);
        Assert.Equal(1800, crop.Right, 3);
    }

    [Theory]
    [InlineData(SlideKind.Cover, 1, "sunrise")]
    [InlineData(SlideKind.Cover, 1, "paper")]
    [InlineData(SlideKind.Content, 2, "paper")]
    [InlineData(SlideKind.List, 3, "midnight")]
    public void RenderSlide_WhitePhoto_HeadingAndBodyReachFourAndAHalfToOne(SlideKind kind, int page, string theme)
    {
        BackgroundPhoto photo = White.Value;
        var options = Options(new SlideBackground(photo.Hash, AllSlides: true), theme) with { Kit = new BrandKit(PrimaryColor: "#1a237e") };

        RenderedSlide slide = Renderer.RenderSlide(SlideSamples.Typical(kind), page, 5, options, Images(photo));
        PngImage image = PngImage.Decode(slide.Png);

        // The two largest pieces of text are the heading and the body; a white photo is the worst case for light text.
        foreach (PixelRect block in slide.TextBlocks.OrderByDescending(b => b.Width * b.Height).Take(2))
        {
            (RgbColor darkest, RgbColor brightest) = Extremes(image, block);
            double ratio = Contrast.Ratio(darkest, brightest);
            Assert.True(ratio >= Contrast.MinimumForText, $"{kind} {block}: {brightest} on {darkest} is {ratio:0.00}:1");
        }
    }

    [Fact]
    public void Palette_OverPhoto_KeepsLightTextAndReplacesDarkText()
    {
        SlideThemes.TryGet("paper", out SlideTheme? paper);
        SlideThemes.TryGet("midnight", out SlideTheme? midnight);
        RgbColor behind = Layouts.PhotoBackdrop.BrightestBehindText;

        SlidePalette overPaper = SlidePalette.Create(paper!, null).OverPhoto(behind);
        SlidePalette overMidnight = SlidePalette.Create(midnight!, null).OverPhoto(behind);

        Assert.Equal(Contrast.White, overPaper.Text);
        Assert.True(Contrast.Ratio(overPaper.Muted, behind) >= Contrast.MinimumForText);
        Assert.True(Contrast.Ratio(overMidnight.Text, behind) >= Contrast.MinimumForText);
    }

    [Fact]
    public void RenderSlide_NotAllSlides_LeavesLaterSlidesAsTheThemeDrawsThem()
    {
        BackgroundPhoto photo = RedBlue.Value;
        SlideContent slide = SlideSamples.Typical(SlideKind.Content);

        byte[] plain = Renderer.RenderSlide(slide, 2, 5, Options(null), SlideImages.None).Png;
        byte[] coverOnly = Renderer.RenderSlide(slide, 2, 5, Options(new SlideBackground(photo.Hash)), Images(photo)).Png;
        byte[] everywhere = Renderer.RenderSlide(slide, 2, 5, Options(new SlideBackground(photo.Hash, AllSlides: true)), Images(photo)).Png;

        Assert.Equal(plain, coverOnly);
        Assert.NotEqual(plain, everywhere);
        Assert.True(IsReddish(PngImage.Decode(everywhere).Pixel(200, 600)), "the photo shows behind slide 2 when it is for all slides");
    }

    [Fact]
    public void RenderSlide_PhotoNotAmongTheImages_DrawsTheThemeBackdrop()
    {
        SlideContent cover = SlideSamples.Typical(SlideKind.Cover);

        byte[] plain = Renderer.RenderSlide(cover, 1, 5, Options(null), SlideImages.None).Png;
        byte[] missing = Renderer.RenderSlide(cover, 1, 5, Options(new SlideBackground(new string('a', 64))), SlideImages.None).Png;

        Assert.Equal(plain, missing);
    }

    [Fact]
    public void RenderPdf_WithPhoto_EmbedsItAsJpegAndKeepsEveryPageAndWord()
    {
        BackgroundPhoto photo = RedBlue.Value;
        SlideContent[] slides = [.. SlideSamples.Kinds.Select(SlideSamples.Typical)];
        var carousel = new CarouselContent("Photo carousel", slides, "Caption", ["#photo"], "en");

        byte[] pdf = Renderer.RenderPdf(carousel, Options(new SlideBackground(photo.Hash, AllSlides: true)), Images(photo));

        Assert.Equal(slides.Length, PdfText.PageCount(pdf));
        Assert.Contains("/DCTDecode", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        string text = PdfText.Extract(pdf);
        Assert.Contains(slides[0].Heading.Split(' ')[0], text, StringComparison.Ordinal);
    }

    private static PngImage Render(SlideKind kind, int page, RenderOptions options, SlideImages images) =>
        PngImage.Decode(Renderer.RenderSlide(SlideSamples.Typical(kind), page, 5, options, images).Png);

    private static RenderOptions Options(SlideBackground? background, string theme = "midnight") =>
        new(theme, SlideSize.Portrait, null, null, null, background);

    private static SlideImages Images(BackgroundPhoto photo) => new([new(photo.Hash, photo.Jpeg)]);

    private static bool IsReddish((byte R, byte G, byte B, byte A) p) => p.R > 60 && p.R > 2 * p.B;

    private static bool IsBluish((byte R, byte G, byte B, byte A) p) => p.B > 60 && p.B > 2 * p.R;

    private static (RgbColor Darkest, RgbColor Brightest) Extremes(PngImage image, PixelRect block)
    {
        RgbColor darkest = Contrast.White;
        RgbColor brightest = Contrast.Black;
        double low = double.MaxValue;
        double high = double.MinValue;
        for (int y = Math.Max(0, block.Y); y < Math.Min(image.Height, block.Bottom); y++)
        {
            for (int x = Math.Max(0, block.X); x < Math.Min(image.Width, block.Right); x++)
            {
                (byte r, byte g, byte b, _) = image.Pixel(x, y);
                var colour = new RgbColor(r, g, b);
                double l = Contrast.Ratio(colour, Contrast.Black);
                if (l < low)
                {
                    (low, darkest) = (l, colour);
                }

                if (l > high)
                {
                    (high, brightest) = (l, colour);
                }
            }
        }

        return (darkest, brightest);
    }
}

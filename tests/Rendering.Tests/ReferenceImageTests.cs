using System.Runtime.CompilerServices;
using SkiaSharp;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Tests.Support;

namespace VibeCoder.Rendering.Tests;

/// <summary>
/// A handful of slides compared with committed quarter-size references (References/*.png) within a tolerance, so an
/// accidental layout change fails while antialiasing noise does not. After a deliberate change, regenerate them with
/// <c>VIBECODER_UPDATE_REFERENCES=1 dotnet test tests/Rendering.Tests</c> and look at every image before committing.
/// </summary>
public sealed class ReferenceImageTests
{
    private const int Downscale = 4;
    private static readonly SkiaSlideRenderer Renderer = new();

    public static TheoryData<string> Names() => [.. Cases().Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void RenderSlide_ReferenceSlide_LooksLikeItsReference(string name)
    {
        (SlideContent slide, RenderOptions options, int page) = Cases()[name];
        RenderedSlide rendered = Renderer.RenderSlide(slide, page, 5, options);
        using SKBitmap actual = Shrink(rendered.Png);
        string path = Path.Combine(ReferenceDirectory(), name + ".png");

        if (Environment.GetEnvironmentVariable("VIBECODER_UPDATE_REFERENCES") == "1")
        {
            using SKData png = actual.PeekPixels().Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))!;
            File.WriteAllBytes(path, png.ToArray());
        }

        Assert.True(File.Exists(path), $"No reference image {path}; create it with VIBECODER_UPDATE_REFERENCES=1.");
        using SKBitmap expected = SKBitmap.Decode(path);
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));

        // Mean channel difference stays under 1.5 (of 255) and under 0.5 % of pixels differ visibly: a text block
        // moved by a few pixels or a changed size breaks both, a different antialiasing rounding breaks neither.
        (double mean, double visibleShare) = Compare(expected, actual);
        Assert.True(mean < 1.5 && visibleShare < 0.005,
            $"{name} differs from its reference: mean channel difference {mean:F2}, {visibleShare:P2} of pixels visibly different.");
    }

    private static Dictionary<string, (SlideContent Slide, RenderOptions Options, int Page)> Cases() => new(StringComparer.Ordinal)
    {
        ["cover-midnight-portrait"] = (SlideSamples.Typical(SlideKind.Cover), new RenderOptions("midnight", SlideSize.Portrait, "@vibecoder", null), 1),
        ["content-paper-portrait"] = (SlideSamples.Typical(SlideKind.Content), new RenderOptions("paper", SlideSize.Portrait, "@vibecoder", null), 2),
        ["list-mint-square"] = (SlideSamples.Typical(SlideKind.List), new RenderOptions("mint", SlideSize.Square, "@vibecoder", null), 3),
        ["quote-neon-story"] = (SlideSamples.Typical(SlideKind.Quote), new RenderOptions("neon", SlideSize.Story, "@vibecoder", null), 4),
        ["cta-sunrise-russian"] = (new SlideContent(SlideKind.CallToAction, "Сохраните на потом", "Подписывайтесь — каждый день новая идея"), new RenderOptions("sunrise", SlideSize.Portrait, "@вайбкодер", null), 5),
        ["content-mono-emoji"] = (new SlideContent(SlideKind.Content, "Launch day 🚀🔥✨", "Coffee ☕, focus 🎯 — «ёлка» 👩‍💻👏🏽 🇷🇺🇺🇸"), new RenderOptions("mono", SlideSize.Portrait, "@emoji", null), 2),
    };

    private static SKBitmap Shrink(byte[] png)
    {
        using SKBitmap full = SKBitmap.Decode(png);
        var info = new SKImageInfo(full.Width / Downscale, full.Height / Downscale, SKColorType.Rgba8888, SKAlphaType.Opaque);
        return full.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new InvalidOperationException("Could not shrink the slide.");
    }

    private static (double Mean, double VisibleShare) Compare(SKBitmap expected, SKBitmap actual)
    {
        long total = 0;
        int visible = 0;
        for (int y = 0; y < expected.Height; y++)
        {
            for (int x = 0; x < expected.Width; x++)
            {
                SKColor a = expected.GetPixel(x, y);
                SKColor b = actual.GetPixel(x, y);
                int red = Math.Abs(a.Red - b.Red);
                int green = Math.Abs(a.Green - b.Green);
                int blue = Math.Abs(a.Blue - b.Blue);
                total += red + green + blue;
                if (Math.Max(red, Math.Max(green, blue)) > 48)
                {
                    visible++;
                }
            }
        }

        int pixels = expected.Width * expected.Height;
        return (total / (3.0 * pixels), visible / (double)pixels);
    }

    private static string ReferenceDirectory([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "References");
}

using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Tests.Support;

namespace VibeCoder.Rendering.Tests;

/// <summary>Every kind at every size with each hostile input: all text inside the safe area, nothing dropped or boxed.</summary>
public sealed class AdversarialInputTests
{
    private static readonly SkiaSlideRenderer Renderer = new();

    public static TheoryData<SlideKind, SlideSize, string> Cases()
    {
        var data = new TheoryData<SlideKind, SlideSize, string>();
        foreach (SlideKind kind in SlideSamples.Kinds)
        {
            foreach (SlideSize size in Enum.GetValues<SlideSize>())
            {
                foreach ((string name, _, _) in AdversarialTexts.All())
                {
                    data.Add(kind, size, name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RenderSlide_AdversarialInput_StaysInsideItsBoxWithEveryGlyphDrawn(SlideKind kind, SlideSize size, string name)
    {
        (_, string heading, string body) = AdversarialTexts.All().Single(text => text.Name == name);
        (int width, int height) = SkiaSlideRenderer.Dimensions(size);

        RenderedSlide slide = Renderer.RenderSlide(new SlideContent(kind, heading, body), 2, 5, new RenderOptions("midnight", size, "@adversarial", null));

        SlideAssert.IsGoodSlide(slide, width, height);
        Assert.Equal(0, slide.StrippedCharacters);
    }

    [Theory]
    [InlineData(SlideSize.Portrait, 1080, 1350)]
    [InlineData(SlideSize.Square, 1080, 1080)]
    [InlineData(SlideSize.Story, 1080, 1920)]
    public void Dimensions_EverySize_IsInstagramsFormat(SlideSize size, int width, int height)
    {
        Assert.Equal((width, height), SkiaSlideRenderer.Dimensions(size));
    }
}

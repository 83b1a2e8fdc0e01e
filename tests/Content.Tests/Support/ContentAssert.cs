using System.Text.Json;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content.Tests.Support;

/// <summary>Assertions every generated carousel must pass, whoever wrote it.</summary>
internal static class ContentAssert
{
    public static void IsPostable(CarouselContent content, int slideCount)
    {
        Assert.Empty(CarouselContentValidator.Validate(content, slideCount));
        Assert.Equal(slideCount, content.Slides.Count);
        Assert.Equal(SlideKind.Cover, content.Slides[0].Kind);
        Assert.Equal(SlideKind.CallToAction, content.Slides[^1].Kind);
        Assert.All(content.Slides.Skip(1).SkipLast(1), s => Assert.True(s.Kind is SlideKind.Content or SlideKind.List or SlideKind.Quote, $"middle slide kind {s.Kind}"));
        Assert.InRange(content.Caption.Length, 1, CarouselContentValidator.MaxCaptionLength);
        Assert.InRange(content.Hashtags.Count, 0, CarouselContentValidator.MaxHashtags);
        Assert.All(content.Hashtags, tag => Assert.True(CarouselContentValidator.IsValidHashtag(tag), tag));
        Assert.Equal(content.Hashtags.Count, content.Hashtags.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    public static void SlidesAreDistinct(CarouselContent content)
    {
        Assert.Equal(content.Slides.Count, content.Slides.Select(s => s.Heading).Distinct().Count());
        Assert.Equal(content.Slides.Count, content.Slides.Select(s => s.Body).Distinct().Count());
    }

    public static string Serialize(CarouselContent content) => JsonSerializer.Serialize(content);
}

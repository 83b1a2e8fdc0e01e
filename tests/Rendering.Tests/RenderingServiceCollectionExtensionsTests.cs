using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Rendering.Tests;

public sealed class RenderingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSlideRendering_Resolved_IsOneSkiaRendererThatRenders()
    {
        using ServiceProvider provider = new ServiceCollection().AddSlideRendering().BuildServiceProvider(validateScopes: true);

        ISlideRenderer first = provider.GetRequiredService<ISlideRenderer>();
        ISlideRenderer second = provider.GetRequiredService<ISlideRenderer>();

        Assert.IsType<SkiaSlideRenderer>(first);
        Assert.Same(first, second);
        Assert.Equal(1080, first.RenderSlide(new SlideContent(SlideKind.Cover, "DI", "works"), 1, 1, new RenderOptions("mono", SlideSize.Square, null, null)).Width);
    }
}

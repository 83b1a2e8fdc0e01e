using Microsoft.Extensions.Logging.Abstractions;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Layouts;
using VibeCoder.Rendering.Tests.Support;

namespace VibeCoder.Rendering.Tests;

public sealed class BackdropCacheTests
{
    [Fact]
    public void RenderSlide_WarmCache_GivesTheSameBytesAsNoCache()
    {
        var cached = new SkiaSlideRenderer(NullLogger<SkiaSlideRenderer>.Instance, BackdropCache.DefaultCapacity);
        var uncached = new SkiaSlideRenderer(NullLogger<SkiaSlideRenderer>.Instance, backdropCacheCapacity: 0);
        var options = new RenderOptions("sunrise", SlideSize.Portrait, "@cache", new BrandColors("#112233", null, "#ff8800"));

        foreach (SlideKind kind in SlideSamples.Kinds)
        {
            SlideContent slide = SlideSamples.Typical(kind);
            byte[] cold = cached.RenderSlide(slide, 1, 3, options).Png;
            byte[] warm = cached.RenderSlide(slide, 2, 3, options).Png;
            byte[] warmAgain = cached.RenderSlide(slide, 1, 3, options).Png;

            Assert.Equal(uncached.RenderSlide(slide, 1, 3, options).Png, cold);
            Assert.Equal(uncached.RenderSlide(slide, 2, 3, options).Png, warm);
            Assert.Equal(cold, warmAgain);
        }

        Assert.Equal(SlideSamples.Kinds.Length, cached.Backdrops.Count);
        Assert.Equal(0, uncached.Backdrops.Count);
    }

    [Fact]
    public void RenderSlide_DifferentColoursOrSize_DoNotShareABackdrop()
    {
        var renderer = new SkiaSlideRenderer(NullLogger<SkiaSlideRenderer>.Instance, backdropCacheCapacity: 8);
        var uncached = new SkiaSlideRenderer(NullLogger<SkiaSlideRenderer>.Instance, backdropCacheCapacity: 0);
        SlideContent slide = SlideSamples.Typical(SlideKind.Quote);
        RenderOptions[] variants =
        [
            new("midnight", SlideSize.Portrait, null, null),
            new("midnight", SlideSize.Portrait, null, new BrandColors(null, null, "#00ff00")),
            new("midnight", SlideSize.Portrait, null, new BrandColors("#202020", null, null)),
            new("paper", SlideSize.Portrait, null, null),
            new("midnight", SlideSize.Square, null, null),
        ];

        foreach (RenderOptions options in variants)
        {
            Assert.Equal(uncached.RenderSlide(slide, 1, 1, options).Png, renderer.RenderSlide(slide, 1, 1, options).Png);
        }

        Assert.Equal(variants.Length, renderer.Backdrops.Count);
    }

    [Fact]
    public void RenderSlide_MoreBackdropsThanCapacity_KeepsAtMostCapacity()
    {
        const int capacity = 3;
        var renderer = new SkiaSlideRenderer(NullLogger<SkiaSlideRenderer>.Instance, capacity);
        var uncached = new SkiaSlideRenderer(NullLogger<SkiaSlideRenderer>.Instance, backdropCacheCapacity: 0);
        var options = new RenderOptions("mint", SlideSize.Square, null, null);

        foreach (SlideKind kind in SlideSamples.Kinds)
        {
            renderer.RenderSlide(SlideSamples.Typical(kind), 1, 1, options);
            Assert.True(renderer.Backdrops.Count <= capacity, $"{renderer.Backdrops.Count} backdrops kept, capacity {capacity}.");
        }

        // The evicted first kind is drawn again, the same as ever.
        SlideContent first = SlideSamples.Typical(SlideSamples.Kinds[0]);
        Assert.Equal(uncached.RenderSlide(first, 1, 1, options).Png, renderer.RenderSlide(first, 1, 1, options).Png);
        Assert.Equal(capacity, renderer.Backdrops.Count);
    }

    [Fact]
    public void Constructor_NegativeCapacity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackdropCache(-1));
}

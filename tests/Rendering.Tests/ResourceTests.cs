using System.Diagnostics;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Tests.Support;

namespace VibeCoder.Rendering.Tests;

// Resident memory is process-wide: other test classes drawing at the same time would count as "growth", so this
// class runs on its own, after the parallel ones.
[Collection(ResourceTests.Collection)]
public sealed class ResourceTests
{
    public const string Collection = "resident-memory";

    [Fact]
    public void RenderSlide_ManyTimes_DoesNotLeakBitmaps()
    {
        var renderer = new SkiaSlideRenderer();
        var options = new RenderOptions("mint", SlideSize.Portrait, "@leak", null);
        SlideContent[] slides = SlideSamples.Kinds.Select(SlideSamples.Typical).ToArray();
        for (int i = 0; i < 10; i++)
        {
            renderer.RenderSlide(slides[i % slides.Length], 1, 1, options);
        }

        long before = ResidentBytes();
        for (int i = 0; i < 60; i++)
        {
            renderer.RenderSlide(slides[i % slides.Length], 1, 1, options);
        }

        // Each leaked bitmap would keep 5.8 MB: 60 of them would add ~350 MB.
        long grown = ResidentBytes() - before;
        Assert.True(grown < 150L * 1024 * 1024, $"Resident memory grew by {grown / (1024 * 1024)} MB over 60 renders.");
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using Process process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}

[CollectionDefinition(ResourceTests.Collection, DisableParallelization = true)]
public sealed class ResidentMemoryCollection
{
}

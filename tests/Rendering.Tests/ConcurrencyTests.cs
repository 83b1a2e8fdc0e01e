using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering.Tests.Support;

namespace VibeCoder.Rendering.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task RenderSlide_ManyThreadsAtOnce_GiveTheSameImagesAsOneThread()
    {
        var renderer = new SkiaSlideRenderer();
        var options = new RenderOptions("midnight", SlideSize.Portrait, "@parallel", null);
        SlideContent[] slides = SlideSamples.Kinds.Select(SlideSamples.Typical)
            .Append(new SlideContent(SlideKind.Content, "Эмодзи 🚀 и кириллица", "Параллельно 🎯"))
            .ToArray();
        byte[][] expected = slides.Select((slide, i) => renderer.RenderSlide(slide, i + 1, slides.Length, options).Png).ToArray();

        // Dedicated threads (not only pool threads) so that the shared font catalogue and shapers are exercised from fresh threads too.
        Task<bool>[] runs = Enumerable.Range(0, 8).Select(worker => Task.Factory.StartNew(() =>
        {
            for (int round = 0; round < 3; round++)
            {
                int i = (worker + round) % slides.Length;
                if (!renderer.RenderSlide(slides[i], i + 1, slides.Length, options).Png.AsSpan().SequenceEqual(expected[i]))
                {
                    return false;
                }
            }

            return true;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        bool[] results = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(results, Assert.True);
    }

    [Fact]
    public async Task RenderPdf_WhileSlidesRender_BothSucceed()
    {
        var renderer = new SkiaSlideRenderer();
        var options = new RenderOptions("paper", SlideSize.Square, null, null);
        var content = new CarouselContent("t", SlideSamples.Kinds.Select(SlideSamples.Typical).ToArray(), "c", [], "en");

        Task<byte[]> pdf = Task.Run(() => renderer.RenderPdf(content, options));
        Task<RenderedSlide[]> pngs = Task.Run(() => content.Slides.Select((slide, i) => renderer.RenderSlide(slide, i + 1, 5, options)).ToArray());

        await Task.WhenAll(pdf, pngs).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf)[..4]), StringComparison.Ordinal);
        Assert.All(await pngs, slide => SlideAssert.IsGoodSlide(slide, 1080, 1080));
    }
}

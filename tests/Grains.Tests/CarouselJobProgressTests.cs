using VibeCoder.Grains.Carousels;
using static VibeCoder.Grains.Tests.ProductCluster;

namespace VibeCoder.Grains.Tests;

[Collection(ProductClusterCollection.Name)]
public sealed class CarouselJobProgressTests(ProductCluster product)
{
    [Fact]
    public async Task Update_ProgressArrivingOutOfOrder_NeverCountsDown()
    {
        var job = product.Grains.GetGrain<ICarouselJobGrain>(NewId());
        await job.Create(Request("Parallel slides", 4)).WaitAsync(TestTimeout);
        await job.Update(new JobUpdate(Status: JobStatus.Rendering)).WaitAsync(TestTimeout);

        await job.Update(new JobUpdate(RenderedSlides: 4)).WaitAsync(TestTimeout);
        var late = await job.Update(new JobUpdate(RenderedSlides: 3)).WaitAsync(TestTimeout);

        Assert.Equal(4, late.RenderedSlides);
        Assert.Equal(4, (await job.Get().WaitAsync(TestTimeout))!.RenderedSlides);
    }
}

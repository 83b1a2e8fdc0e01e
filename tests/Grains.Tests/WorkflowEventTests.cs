using Orleans.Runtime;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Events;
using VibeCoder.TestServers.OpenAi;
using static VibeCoder.Grains.Tests.ProductCluster;

namespace VibeCoder.Grains.Tests;

[Collection(ProductClusterCollection.Name)]
public sealed class WorkflowEventTests(ProductCluster product) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        product.OpenAi.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CompletedJob_PublishesEveryStepEvent_AllWithTheCallersCorrelationId()
    {
        product.OpenAi.WhenEmpty = ModelAnswer(3);
        var jobId = NewId();
        var events = await EventCollector.SubscribeAsync(product.Cluster.Client, jobId);

        RequestContext.Set(CorrelationKeys.CorrelationId, "corr-flow-1");
        try
        {
            await product.Grains.GetGrain<IWorkflowGrain>(jobId).Start(Request("Evented topic", 3, "user-events")).WaitAsync(TestTimeout);
        }
        finally
        {
            RequestContext.Clear();
        }

        var seen = await events.WaitForTypesAsync(
            TestTimeout,
            EventTypes.WorkflowStarted, EventTypes.CarouselGenerateRequested, EventTypes.AiContentRequested,
            EventTypes.AiAnalysisCompleted, EventTypes.CarouselSlidesGenerated, EventTypes.CarouselImagesRendered,
            EventTypes.HistoryLogged, EventTypes.CarouselCompleted, EventTypes.WorkflowCompleted);
        Assert.All(seen, e => Assert.Equal("corr-flow-1", e.Metadata.CorrelationId));
        Assert.All(seen, e => Assert.Equal("user-events", e.Metadata.UserId));
        Assert.Equal(seen.Count, seen.Select(e => e.Id).Distinct().Count());
        Assert.Equal(3, seen.Single(e => e.Type == EventTypes.CarouselCompleted).ReadData<CarouselCompleted>().SlideCount);
    }

    [Fact]
    public async Task FailedJob_PublishesCarouselFailedAndSystemError()
    {
        product.OpenAi.WhenEmpty = ScriptedChatResponse.Error(401); // permanent: an outage would be waited out until the deadline
        var jobId = NewId();
        var events = await EventCollector.SubscribeAsync(product.Cluster.Client, jobId);

        await product.Grains.GetGrain<IWorkflowGrain>(jobId).Start(Request("Failing topic", 3)).WaitAsync(TestTimeout);
        var seen = await events.WaitForTypesAsync(TestTimeout, EventTypes.CarouselFailed, EventTypes.SystemErrorOccurred, EventTypes.WorkflowCompleted);

        var failed = seen.Single(e => e.Type == EventTypes.CarouselFailed).ReadData<CarouselFailed>();
        Assert.Equal("write", failed.Step);
        Assert.Equal("failed", seen.Single(e => e.Type == EventTypes.WorkflowCompleted).ReadData<WorkflowCompleted>().Outcome);
    }
}

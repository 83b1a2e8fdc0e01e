using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Events;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Streams;
using VibeCoder.TestServers.OpenAi;

namespace VibeCoder.Grains.Tests;

public sealed class WorkflowEventTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private OpenAiStandInServer _openAi = null!;

    public async Task InitializeAsync() => _openAi = await OpenAiStandInServer.StartAsync();

    public async Task DisposeAsync() => await _openAi.DisposeAsync();

    [Fact]
    public async Task CompletedJob_PublishesEveryStepEvent_AllWithTheCallersCorrelationId()
    {
        _openAi.WhenEmpty = ProductSilo.ModelAnswer(3);
        await using var silo = await ProductSilo.StartAsync(_openAi, ProductSilo.NewDatabasePath());
        var jobId = Guid.NewGuid().ToString("N");
        var events = await EventCollector.SubscribeAsync(silo.Services, jobId);

        RequestContext.Set(CorrelationKeys.CorrelationId, "corr-flow-1");
        try
        {
            await silo.GrainFactory.GetGrain<IWorkflowGrain>(jobId).Start(ProductSilo.Request("Evented topic", 3, "user-events")).WaitAsync(Timeout);
        }
        finally
        {
            RequestContext.Clear();
        }

        var seen = await events.WaitForTypesAsync(
            Timeout,
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
        _openAi.WhenEmpty = ScriptedChatResponse.Error(500);
        await using var silo = await ProductSilo.StartAsync(_openAi, ProductSilo.NewDatabasePath());
        var jobId = Guid.NewGuid().ToString("N");
        var events = await EventCollector.SubscribeAsync(silo.Services, jobId);

        await silo.GrainFactory.GetGrain<IWorkflowGrain>(jobId).Start(ProductSilo.Request("Failing topic", 3)).WaitAsync(Timeout);
        var seen = await events.WaitForTypesAsync(Timeout, EventTypes.CarouselFailed, EventTypes.SystemErrorOccurred, EventTypes.WorkflowCompleted);

        var failed = seen.Single(e => e.Type == EventTypes.CarouselFailed).ReadData<CarouselFailed>();
        Assert.Equal("write", failed.Step);
        Assert.Equal("failed", seen.Single(e => e.Type == EventTypes.WorkflowCompleted).ReadData<WorkflowCompleted>().Outcome);
    }
}

using VibeCoder.Runtime.Streams;
using VibeCoder.Streams.Tests.Conformance;
using VibeCoder.Streams.Tests.Grains;
using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Durability;

/// <summary>What the durable providers add: nothing acknowledged is lost, and subscriptions outlive the silo.</summary>
public abstract class DurableStreamTests
{
    protected abstract Task<StreamBackend> CreateBackendAsync();

    [Fact]
    public async Task CrashMidStream_AfterRestart_EveryAcknowledgedItemIsDeliveredInOrder()
    {
        await using var harness = await StreamTestHarness.StartAsync(await CreateBackendAsync());
        var stream = harness.Streams.GetStream<TestEvent>(RecorderGrain.Namespace, "crash");
        harness.Log.Hold = (subscriber, item) => subscriber == RecorderGrain.Subscriber && item is TestEvent { Index: 30 };
        for (var i = 1; i <= 60; i++)
        {
            await stream.OnNextAsync(new TestEvent("crash", i)).WithTimeout();
        }

        // The subscriber is stuck on item 30 while items up to 60 are acknowledged; then the silo crashes.
        await harness.Log.HeldAsync();
        harness.Log.Hold = null;
        await harness.CrashAndRestartAsync();
        stream = harness.Streams.GetStream<TestEvent>(RecorderGrain.Namespace, "crash");
        for (var i = 61; i <= 70; i++)
        {
            await stream.OnNextAsync(new TestEvent("crash", i)).WithTimeout();
        }

        await harness.Log.WaitForAsync(all => all.Any(d => d.Subscriber == RecorderGrain.Subscriber && d.Generation == 2 && d.Sequence == 70));
        var deliveries = harness.Log.For(RecorderGrain.Subscriber);
        var first = deliveries.Where(d => d.Generation == 1).Select(d => d.Sequence).ToArray();
        var second = deliveries.Where(d => d.Generation == 2).Select(d => d.Sequence).ToArray();
        Assert.Equal(Enumerable.Range(1, 29).Select(i => (long)i), first);
        Assert.InRange(second[0], 1, 30);
        Assert.Equal(Enumerable.Range((int)second[0], 70 - (int)second[0] + 1).Select(i => (long)i), second);
        Assert.Equal(Enumerable.Range(1, 70), deliveries.Select(d => ((TestEvent)d.Item).Index).Distinct().Order());
        Assert.All(deliveries, d => Assert.Equal(d.Sequence, ((TestEvent)d.Item).Index));
    }

    [Fact]
    public async Task ImplicitSubscription_AfterGracefulRestart_ContinuesAfterItsCheckpointWithoutRepeats()
    {
        await using var harness = await StreamTestHarness.StartAsync(await CreateBackendAsync());
        var stream = harness.Streams.GetStream<TestEvent>(RecorderGrain.Namespace, "graceful");
        for (var i = 1; i <= 5; i++)
        {
            await stream.OnNextAsync(new TestEvent("graceful", i)).WithTimeout();
        }

        await harness.Log.WaitForCountAsync(RecorderGrain.Subscriber, 5);
        await harness.RestartAsync();
        await harness.Streams.GetStream<TestEvent>(RecorderGrain.Namespace, "graceful").OnNextAsync(new TestEvent("graceful", 6)).WithTimeout();
        await harness.Log.WaitForCountAsync(RecorderGrain.Subscriber, 6);

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], harness.Log.For(RecorderGrain.Subscriber).Select(d => d.Sequence));
        Assert.Equal(6L, harness.Log.For(RecorderGrain.Subscriber)[^1].Sequence);
        Assert.Equal(2, harness.Log.For(RecorderGrain.Subscriber)[^1].Generation);
    }

    [Fact]
    public async Task ObserverHandle_AfterRestart_IsFoundAgainAndResumesFromItsCheckpoint()
    {
        await using var harness = await StreamTestHarness.StartAsync(await CreateBackendAsync());
        var stream = harness.Streams.GetStream<TestEvent>("plain", "resume");
        var handle = await stream.SubscribeAsync(new RecordingObserver(harness.Log, "before", stream.Id)).WithTimeout();
        for (var i = 1; i <= 3; i++)
        {
            await stream.OnNextAsync(new TestEvent("resume", i)).WithTimeout();
        }

        await harness.Log.WaitForCountAsync("before", 3);
        await harness.RestartAsync();
        stream = harness.Streams.GetStream<TestEvent>("plain", "resume");
        await stream.OnNextAsync(new TestEvent("resume", 4)).WithTimeout();
        await stream.OnNextAsync(new TestEvent("resume", 5)).WithTimeout();
        var restored = Assert.Single(await stream.GetAllSubscriptionHandlesAsync().WithTimeout());
        var detached = await harness.Silo.Diagnostics().GetSnapshotAsync(TestSilo.Provider).WithTimeout();
        await restored.ResumeAsync(new RecordingObserver(harness.Log, "after", stream.Id)).WithTimeout();
        await harness.Log.WaitForCountAsync("after", 2);
        await stream.OnNextAsync(new TestEvent("resume", 6)).WithTimeout();
        await harness.Log.WaitForCountAsync("after", 3);

        Assert.Equal(handle.HandleId, restored.HandleId);
        Assert.False(restored.IsGrainSubscription);
        var waiting = Assert.Single(Assert.Single(detached.Streams, s => s.Id == stream.Id).Subscriptions);
        Assert.False(waiting.Attached);
        Assert.Equal(3, waiting.Position);
        Assert.Equal([4L, 5L, 6L], harness.Log.For("after").Select(d => d.Sequence));
    }

    [Fact]
    public async Task GrainSubscription_AfterCrash_KeepsDeliveringWithoutBeingResumed()
    {
        await using var harness = await StreamTestHarness.StartAsync(await CreateBackendAsync());
        var stream = harness.Streams.GetStream<TestEvent>("plain", "grain-durable");
        var handle = await stream.SubscribeAsync(harness.Silo.GrainFactory.GetGrain<ISubscriberGrain>("durable")).WithTimeout();
        await stream.OnNextAsync(new TestEvent("grain-durable", 1)).WithTimeout();
        await harness.Log.WaitForCountAsync("grain:durable", 1);

        await harness.CrashAndRestartAsync();
        stream = harness.Streams.GetStream<TestEvent>("plain", "grain-durable");
        await stream.OnNextAsync(new TestEvent("grain-durable", 2)).WithTimeout();
        await harness.Log.WaitForAsync(all => all.Any(d => d.Subscriber == "grain:durable" && d.Sequence == 2));

        var restored = Assert.Single(await stream.GetAllSubscriptionHandlesAsync().WithTimeout());
        Assert.Equal(handle.HandleId, restored.HandleId);
        Assert.True(restored.IsGrainSubscription);
        var second = harness.Log.For("grain:durable").Where(d => d.Generation == 2).Select(d => d.Sequence).ToArray();
        Assert.Equal(2L, second[^1]);
        Assert.Equal(second.Order(), second);
    }

    [Fact]
    public async Task Unsubscribe_ThenRestart_TheSubscriptionStaysGone()
    {
        await using var harness = await StreamTestHarness.StartAsync(await CreateBackendAsync());
        var stream = harness.Streams.GetStream<TestEvent>("plain", "gone");
        var handle = await stream.SubscribeAsync(new RecordingObserver(harness.Log, "gone", stream.Id)).WithTimeout();
        await handle.UnsubscribeAsync().WithTimeout();

        await harness.RestartAsync();

        Assert.Empty(await harness.Streams.GetStream<TestEvent>("plain", "gone").GetAllSubscriptionHandlesAsync().WithTimeout());
    }

    [Fact]
    public async Task Publish_WhileGrainsDeactivateAtShutdown_IsStoredAndDeliveredAfterRestart()
    {
        await using var harness = await StreamTestHarness.StartAsync(await CreateBackendAsync());
        await harness.Silo.GrainFactory.GetGrain<IShutdownPublisherGrain>("at-shutdown").Ping().WithTimeout();

        await harness.RestartAsync();
        await harness.Log.WaitForCountAsync(RecorderGrain.Subscriber, 1);

        var delivery = Assert.Single(harness.Log.For(RecorderGrain.Subscriber));
        Assert.Equal(new TestEvent("shutdown", 1), delivery.Item);
        Assert.Equal("at-shutdown", delivery.GrainKey);
        Assert.Equal(2, delivery.Generation);
    }
}

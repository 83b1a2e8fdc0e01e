using VibeCoder.Grains.Events;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Streams;
using VibeCoder.Streams.Tests.Grains;
using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Conformance;

/// <summary>What every stream provider guarantees, run against each backend by the subclasses.</summary>
public abstract class StreamConformanceTests
{
    /// <summary>A fresh backend (its own file or database) for one test.</summary>
    protected abstract Task<StreamBackend> CreateBackendAsync();

    protected async Task<StreamTestHarness> StartAsync(Action<StreamOptions>? configure = null) =>
        await StreamTestHarness.StartAsync(await CreateBackendAsync(), configure);

    [Fact]
    public async Task OnNextAsync_ConcurrentProducers_EverySubscriberGetsTheStreamInSequenceOrderWithoutGaps()
    {
        await using var harness = await StartAsync();
        const int producers = 8;
        const int perProducer = 40;
        var stream = harness.Streams.GetStream<TestEvent>(RecorderGrain.Namespace, "ordered");
        await stream.SubscribeAsync(new RecordingObserver(harness.Log, "observer", stream.Id)).WithTimeout();

        await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                await stream.OnNextAsync(new TestEvent($"p{p}", i));
            }
        }))).WithTimeout();
        await stream.OnNextBatchAsync([new TestEvent("batch", 0), new TestEvent("batch", 1), new TestEvent("batch", 2)]).WithTimeout();

        const int total = (producers * perProducer) + 3;
        await harness.Log.WaitForCountAsync(RecorderGrain.Subscriber, total);
        await harness.Log.WaitForCountAsync("observer", total);
        foreach (var subscriber in new[] { RecorderGrain.Subscriber, "observer" })
        {
            var deliveries = harness.Log.For(subscriber);
            Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), deliveries.Select(d => d.Sequence));
            foreach (var producer in deliveries.GroupBy(d => ((TestEvent)d.Item).Producer))
            {
                var indexes = producer.Select(d => ((TestEvent)d.Item).Index).ToArray();
                Assert.Equal(indexes.Order(), indexes);
            }

            var batch = deliveries.Where(d => ((TestEvent)d.Item).Producer == "batch").Select(d => d.Sequence).ToArray();
            Assert.Equal([batch[0], batch[0] + 1, batch[0] + 2], batch);
        }
    }

    [Fact]
    public async Task ImplicitSubscription_ItemOnStream_ActivatesTheGrainKeyedByTheStreamKey()
    {
        await using var harness = await StartAsync();

        await harness.Streams.GetStream<TestEvent>(RecorderGrain.Namespace, "key-42").OnNextAsync(new TestEvent("t", 1)).WithTimeout();
        await harness.Streams.GetStream<TestEvent>(RecorderGrain.Namespace, "key-43").OnNextAsync(new TestEvent("t", 2)).WithTimeout();

        await harness.Log.WaitForCountAsync(RecorderGrain.Subscriber, 2);
        var byKey = harness.Log.For(RecorderGrain.Subscriber).ToDictionary(d => d.GrainKey!, d => ((TestEvent)d.Item).Index);
        Assert.Equal(new Dictionary<string, int> { ["key-42"] = 1, ["key-43"] = 2 }, byKey);
        Assert.Equal(1, harness.Log.Activations("recorder/key-42"));
        Assert.Equal(1, harness.Log.Activations("recorder/key-43"));
    }

    [Fact]
    public async Task Subscriber_ThrowsOnEveryAttempt_RetriedThenDeadLetteredAndTheStreamContinues()
    {
        await using var harness = await StartAsync();
        var stream = harness.Streams.GetStream<TestEvent>(FlakyGrain.Namespace, "poisoned");

        await stream.OnNextAsync(new TestEvent("t", 1)).WithTimeout();
        await stream.OnNextAsync(new TestEvent("t", 2, "poison")).WithTimeout();
        await stream.OnNextAsync(new TestEvent("t", 3)).WithTimeout();

        await harness.Log.WaitForCountAsync(FlakyGrain.Subscriber, 2);
        Assert.Equal([1, 3], harness.Log.For(FlakyGrain.Subscriber).Select(d => ((TestEvent)d.Item).Index));
        Assert.Equal(3, harness.Log.Attempts("poisoned/2"));
        var deadLetter = Assert.Single(await harness.Silo.Diagnostics().GetDeadLettersAsync(TestSilo.Provider).WithTimeout());
        Assert.Equal(stream.Id, deadLetter.Stream);
        Assert.Equal(2, deadLetter.SequenceNumber);
        Assert.Equal("implicit:flaky", deadLetter.Subscriber);
        Assert.Equal(3, deadLetter.Attempts);
        Assert.Contains("poison", deadLetter.Payload, StringComparison.Ordinal);
        Assert.Contains("Refusing poison item 2", deadLetter.Error, StringComparison.Ordinal);
        var snapshot = await harness.Silo.Diagnostics().GetSnapshotAsync(TestSilo.Provider).WithTimeout();
        Assert.Equal(1, snapshot.DeadLetters);
        Assert.True(snapshot.FailedAttempts >= 3);
    }

    [Fact]
    public async Task Subscriber_ThrowsTwice_DeliveredOnTheThirdAttemptWithoutDeadLetter()
    {
        await using var harness = await StartAsync();
        var stream = harness.Streams.GetStream<TestEvent>(FlakyGrain.Namespace, "transient");

        await stream.OnNextAsync(new TestEvent("t", 1, "fail-twice")).WithTimeout();
        await stream.OnNextAsync(new TestEvent("t", 2)).WithTimeout();

        await harness.Log.WaitForCountAsync(FlakyGrain.Subscriber, 2);
        Assert.Equal([1, 2], harness.Log.For(FlakyGrain.Subscriber).Select(d => ((TestEvent)d.Item).Index));
        Assert.Equal(3, harness.Log.Attempts("transient/1"));
        Assert.Empty(await harness.Silo.Diagnostics().GetDeadLettersAsync(TestSilo.Provider).WithTimeout());
    }

    [Fact]
    public async Task SubscribeAsync_FromASequenceNumber_ReplaysExactlyTheRecordedSequenceThenNewItems()
    {
        await using var harness = await StartAsync();
        var stream = harness.Streams.GetStream<TestEvent>("plain", "replay");
        for (var i = 1; i <= 10; i++)
        {
            await stream.OnNextAsync(new TestEvent("t", i)).WithTimeout();
        }

        await stream.SubscribeAsync(new RecordingObserver(harness.Log, "from-4", stream.Id), StreamSequenceToken.FromSequenceNumber(4)).WithTimeout();
        await harness.Log.WaitForCountAsync("from-4", 7);
        await stream.OnNextAsync(new TestEvent("t", 11)).WithTimeout();
        await harness.Log.WaitForCountAsync("from-4", 8);

        var replayed = harness.Log.For("from-4");
        Assert.Equal(Enumerable.Range(4, 8).Select(i => (long)i), replayed.Select(d => d.Sequence));
        Assert.Equal(Enumerable.Range(4, 8), replayed.Select(d => ((TestEvent)d.Item).Index));
    }

    [Fact]
    public async Task SubscribeAsync_FromATime_StartsAtTheFirstItemPublishedSinceThen()
    {
        await using var harness = await StartAsync();
        var stream = harness.Streams.GetStream<TestEvent>("plain", "replay-by-time");
        for (var i = 1; i <= 10; i++)
        {
            await stream.OnNextAsync(new TestEvent("t", i)).WithTimeout();
        }

        await stream.SubscribeAsync(new RecordingObserver(harness.Log, "all", stream.Id), StreamSequenceToken.FromSequenceNumber(1)).WithTimeout();
        await harness.Log.WaitForCountAsync("all", 10);
        var all = harness.Log.For("all");
        var from = all.Single(d => d.Sequence == 6).Timestamp;
        var expectedFirst = all.Where(d => d.Timestamp >= from).Min(d => d.Sequence);

        await stream.SubscribeAsync(new RecordingObserver(harness.Log, "since", stream.Id), from).WithTimeout();
        await harness.Log.WaitForCountAsync("since", (int)(10 - expectedFirst + 1));

        Assert.Equal(all.Where(d => d.Sequence >= expectedFirst).Select(d => d.Item), harness.Log.For("since").Select(d => d.Item));
        Assert.True(expectedFirst <= 6);
    }

    [Fact]
    public async Task Correlation_OneFlowAcrossGrains_EveryEventAndHandlerCarriesOneCorrelationId()
    {
        await using var harness = await StartAsync();

        EventEnvelope started;
        RequestContext.Set(CorrelationKeys.CorrelationId, "corr-123");
        try
        {
            started = await harness.Silo.GrainFactory.GetGrain<IFlowStarterGrain>("job-1").Start("Stoicism").WithTimeout();
        }
        finally
        {
            RequestContext.Clear();
        }

        await harness.Log.WaitForCountAsync(FlowEndGrain.Subscriber, 1);
        var step = Assert.Single(harness.Log.For(FlowStepGrain.Subscriber));
        var end = Assert.Single(harness.Log.For(FlowEndGrain.Subscriber));
        var followUp = (EventEnvelope)end.Item;

        Assert.Equal("corr-123", started.Metadata.CorrelationId);
        Assert.Null(started.Metadata.CausationId);
        Assert.Equal(started.Id, ((EventEnvelope)step.Item).Id);
        Assert.Equal("corr-123", step.Context[CorrelationKeys.CorrelationId]);
        Assert.Equal(started.Id, step.Context[CorrelationKeys.CausationId]);
        Assert.Equal(EventTypes.WorkflowStarted, followUp.Type);
        Assert.Equal("corr-123", followUp.Metadata.CorrelationId);
        Assert.Equal(started.Id, followUp.Metadata.CausationId);
        Assert.Equal("corr-123", end.Context[CorrelationKeys.CorrelationId]);
        Assert.Equal(followUp.Id, end.Context[CorrelationKeys.CausationId]);
    }

    [Fact]
    public async Task IdempotentConsumer_SameEventDeliveredTwice_HasOneEffect()
    {
        await using var harness = await StartAsync();
        var stream = harness.Streams.GetStream<EventEnvelope>(IdempotentCounterGrain.Namespace, "c1");
        var repeated = EventEnvelope.Create("test", new UserInteractionTracked("u1", "clicked", null));
        var other = EventEnvelope.Create("test", new UserInteractionTracked("u1", "downloaded", null));

        await stream.OnNextAsync(repeated).WithTimeout();
        await stream.OnNextAsync(repeated).WithTimeout();
        await stream.OnNextAsync(other).WithTimeout();

        await harness.Log.WaitForCountAsync(IdempotentCounterGrain.Subscriber, 3);
        Assert.Equal(2, await harness.Silo.GrainFactory.GetGrain<IIdempotentCounterGrain>("c1").GetEffects().WithTimeout());
    }

    [Fact]
    public async Task Retention_CountLimit_RemovesOnlyItemsBeyondTheLimitThatEverySubscriptionPassed()
    {
        await using var harness = await StartAsync(o =>
        {
            o.RetentionCount = 5;
            o.RetentionAge = null;
            o.RetentionInterval = TimeSpan.FromHours(1);
        });
        var slow = harness.Streams.GetStream<TestEvent>("plain", "slow");
        var unread = harness.Streams.GetStream<TestEvent>("plain", "unread");
        var implicitlyRead = harness.Streams.GetStream<TestEvent>(RecorderGrain.Namespace, "read");
        harness.Log.Hold = (subscriber, item) => subscriber == "slow" && item is TestEvent { Index: 9 };
        await slow.SubscribeAsync(new RecordingObserver(harness.Log, "slow", slow.Id)).WithTimeout();
        for (var i = 1; i <= 20; i++)
        {
            await slow.OnNextAsync(new TestEvent("slow", i)).WithTimeout();
            await unread.OnNextAsync(new TestEvent("unread", i)).WithTimeout();
            await implicitlyRead.OnNextAsync(new TestEvent("read", i)).WithTimeout();
        }

        // The slow subscription holds item 9, so it has completed exactly 1–8; the recorder read all 20 (seen once
        // item 21 arrived, since a position is marked before the next item is delivered).
        await harness.Log.HeldAsync();
        await implicitlyRead.OnNextAsync(new TestEvent("read", 21)).WithTimeout();
        await harness.Log.WaitForCountAsync(RecorderGrain.Subscriber, 21);

        var removed = await harness.Silo.Diagnostics().ApplyRetentionAsync(TestSilo.Provider).WithTimeout();
        var removedAgain = await harness.Silo.Diagnostics().ApplyRetentionAsync(TestSilo.Provider).WithTimeout();

        // slow: 1–8 (passed by its subscription; 9–15 are beyond the limit but not yet read); unread: 1–15 (no
        // subscription, beyond the newest 5); read: 1–16 (beyond the newest 5 of 21).
        Assert.Equal(8 + 15 + 16, removed);
        Assert.Equal(0, removedAgain);
        Assert.Equal(9, await FirstRetainedAsync(harness, slow));
        Assert.Equal(16, await FirstRetainedAsync(harness, unread));
        Assert.Equal(17, await FirstRetainedAsync(harness, implicitlyRead));
    }

    [Fact]
    public async Task Retention_AgeLimit_RemovesOldItemsOnlyUpToWhereEverySubscriptionIs()
    {
        await using var harness = await StartAsync(o =>
        {
            o.RetentionCount = null;
            o.RetentionAge = TimeSpan.FromMilliseconds(1);
            o.RetentionInterval = TimeSpan.FromHours(1);
        });
        var slow = harness.Streams.GetStream<TestEvent>("plain", "aged-slow");
        harness.Log.Hold = (subscriber, item) => subscriber == "aged-slow" && item is TestEvent { Index: 4 };
        await slow.SubscribeAsync(new RecordingObserver(harness.Log, "aged-slow", slow.Id)).WithTimeout();
        for (var i = 1; i <= 6; i++)
        {
            await slow.OnNextAsync(new TestEvent("aged-slow", i)).WithTimeout();
        }

        await harness.Log.HeldAsync();
        // Age is wall-clock time: let the newest item become older than the 1 ms limit (a few milliseconds at most).
        var newest = harness.Log.For("aged-slow").Max(d => d.Timestamp);
        SpinWait.SpinUntil(() => DateTimeOffset.UtcNow - newest > TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(1));
        var removed = await harness.Silo.Diagnostics().ApplyRetentionAsync(TestSilo.Provider).WithTimeout();

        Assert.Equal(3, removed);
        Assert.Equal(4, await FirstRetainedAsync(harness, slow));
    }

    [Fact]
    public async Task Handles_ObserverAndGrainSubscriptions_ListedDeliveredAndRemovedByUnsubscribe()
    {
        await using var harness = await StartAsync();
        var stream = harness.Streams.GetStream<TestEvent>("plain", "handles");
        var observerHandle = await stream.SubscribeAsync(new RecordingObserver(harness.Log, "observer", stream.Id)).WithTimeout();
        var grainHandle = await stream.SubscribeAsync(harness.Silo.GrainFactory.GetGrain<ISubscriberGrain>("g1")).WithTimeout();

        var handles = await stream.GetAllSubscriptionHandlesAsync().WithTimeout();
        await stream.OnNextAsync(new TestEvent("handles", 1)).WithTimeout();
        await harness.Log.WaitForCountAsync("observer", 1);
        await harness.Log.WaitForCountAsync("grain:g1", 1);
        await observerHandle.UnsubscribeAsync().WithTimeout();
        await stream.OnNextAsync(new TestEvent("handles", 2)).WithTimeout();
        await harness.Log.WaitForCountAsync("grain:g1", 2);

        Assert.Equal([observerHandle.HandleId, grainHandle.HandleId], handles.Select(h => h.HandleId));
        Assert.False(observerHandle.IsGrainSubscription);
        Assert.True(grainHandle.IsGrainSubscription);
        Assert.Single(harness.Log.For("observer"));
        Assert.Equal([1L, 2L], harness.Log.For("grain:g1").Select(d => d.Sequence));
        Assert.Equal([grainHandle], await stream.GetAllSubscriptionHandlesAsync().WithTimeout());
        var snapshot = await harness.Silo.Diagnostics().GetSnapshotAsync(TestSilo.Provider).WithTimeout();
        var streamSnapshot = Assert.Single(snapshot.Streams, s => s.Id == stream.Id);
        Assert.Equal("grain", Assert.Single(streamSnapshot.Subscriptions).Kind);
        Assert.Equal(2, streamSnapshot.Head);
    }

    [Fact]
    public async Task ResumeAsync_WithAnEarlierPosition_RewindsTheSubscription()
    {
        await using var harness = await StartAsync();
        var stream = harness.Streams.GetStream<TestEvent>("plain", "rewind");
        var handle = await stream.SubscribeAsync(new RecordingObserver(harness.Log, "first", stream.Id)).WithTimeout();
        for (var i = 1; i <= 4; i++)
        {
            await stream.OnNextAsync(new TestEvent("rewind", i)).WithTimeout();
        }

        await harness.Log.WaitForCountAsync("first", 4);
        await handle.ResumeAsync(new RecordingObserver(harness.Log, "again", stream.Id), StreamSequenceToken.FromSequenceNumber(2)).WithTimeout();
        await harness.Log.WaitForCountAsync("again", 3);

        Assert.Equal([2L, 3L, 4L], harness.Log.For("again").Select(d => d.Sequence));
        Assert.Equal(4, harness.Log.For("first").Count);
    }

    /// <summary>The lowest sequence number still in the stream, read by replaying it from the start.</summary>
    private static async Task<long> FirstRetainedAsync(StreamTestHarness harness, IAsyncStream<TestEvent> stream)
    {
        var name = $"replay:{stream.Id}";
        await stream.SubscribeAsync(new RecordingObserver(harness.Log, name, stream.Id), StreamSequenceToken.FromSequenceNumber(1)).WithTimeout();
        await harness.Log.WaitForCountAsync(name, 1);
        return harness.Log.For(name).Min(d => d.Sequence);
    }
}

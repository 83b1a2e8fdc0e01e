using VibeCoder.Runtime.Invocation;
using VibeCoder.Runtime.Tests.Grains;

namespace VibeCoder.Runtime.Tests;

/// <summary>Call semantics, run against a direct silo and against one where every call is serialized.</summary>
public abstract class GrainCallTests<TFixture>(TFixture fixture) where TFixture : SiloFixture
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    protected TFixture Fixture { get; } = fixture;

    private IGrainFactory Grains => Fixture.Grains;

    [Fact]
    public async Task Call_OnNewGrain_ActivatesAndReturnsResult()
    {
        var counter = Grains.GetGrain<ICounterGrain>(Random.Shared.NextInt64());

        Assert.Equal(5, await counter.Add(5).WaitAsync(Timeout));
        Assert.Equal(8, await counter.Add(3).WaitAsync(Timeout));
        Assert.Equal(8, await counter.Get().WaitAsync(Timeout));
    }

    [Fact]
    public async Task References_ToSameGrain_AreEqualAndShareTheActivation()
    {
        var key = Random.Shared.NextInt64();
        var first = Grains.GetGrain<ICounterGrain>(key);
        var second = Grains.GetGrain<ICounterGrain>(key);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, Grains.GetGrain<ICounterGrain>(key + 1));
        await first.Add(2).WaitAsync(Timeout);
        Assert.Equal(2, await second.Get().WaitAsync(Timeout));
    }

    [Fact]
    public async Task ConcurrentFirstCalls_ThousandCallers_ActivateExactlyOnce()
    {
        var key = Random.Shared.NextInt64();
        var grainId = new GrainId("counter", key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 1000)
            .Select(_ => Task.Run(async () =>
            {
                await start.Task;
                return await Grains.GetGrain<ICounterGrain>(key).GetActivationId();
            }))
            .ToArray();
        start.SetResult();

        var ids = await Task.WhenAll(callers).WaitAsync(Timeout);

        Assert.Single(ids.Distinct());
        Assert.Equal(1, Fixture.Log.Count(grainId, "activate"));
    }

    [Fact]
    public async Task GrainException_ReachesCallerWithTypeAndMessage_AndActivationStaysUsable()
    {
        var counter = Grains.GetGrain<ICounterGrain>(Random.Shared.NextInt64());
        await counter.Add(1).WaitAsync(Timeout);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => counter.Fail("boom: bad input").WaitAsync(Timeout));

        Assert.Equal("boom: bad input", error.Message);
        Assert.Equal(2, await counter.Add(1).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Requests_WithAwaitsInside_RunOneAtATimeInArrivalOrder()
    {
        var grain = Grains.GetGrain<ISequenceGrain>(Guid.NewGuid());

        // Issued without awaiting each other: FIFO per activation means they complete in send order.
        var sends = Enumerable.Range(0, 200).Select(grain.Append).ToArray();
        await Task.WhenAll(sends).WaitAsync(Timeout);
        var snapshot = await grain.Read().WaitAsync(Timeout);

        Assert.Equal(Enumerable.Range(0, 200), snapshot.Values);
        Assert.Equal(0, snapshot.Violations);
    }

    [Fact]
    public async Task ReadOnlyRequests_Interleave_ButWritesWait()
    {
        var key = Guid.NewGuid().ToString("N");
        var grain = Grains.GetGrain<IGateGrain>(key);
        var id = new GrainId("gate", key);

        var read1 = grain.ReadWait(key + "r1");
        var read2 = grain.ReadWait(key + "r2");
        await Fixture.Log.WaitAsync(id, "entered:" + key + "r2", timeout: Timeout);
        var write = grain.WriteWait(key + "w");

        Fixture.Gates.Open(key + "r1");
        Fixture.Gates.Open(key + "r2");
        Assert.Equal(2, await read1.WaitAsync(Timeout));
        await read2.WaitAsync(Timeout);
        await Fixture.Log.WaitAsync(id, "entered:" + key + "w", timeout: Timeout);
        Fixture.Gates.Open(key + "w");
        Assert.Equal(2, await write.WaitAsync(Timeout));
        Assert.Equal(2, await grain.MaxConcurrency().WaitAsync(Timeout));
    }

    [Fact]
    public async Task WriteRequest_WhileAnotherRuns_WaitsForIt()
    {
        var key = Guid.NewGuid().ToString("N");
        var grain = Grains.GetGrain<IGateGrain>(key);
        var id = new GrainId("gate", key);

        var first = grain.WriteWait(key + "a");
        await Fixture.Log.WaitAsync(id, "entered:" + key + "a", timeout: Timeout);
        var second = grain.WriteWait(key + "b");
        var ping = await grain.Ping().WaitAsync(Timeout); // [AlwaysInterleave] gets in while "a" holds the turn

        Assert.Equal(1, ping);
        Assert.Equal(0, Fixture.Log.Count(id, "entered:" + key + "b"));
        Fixture.Gates.Open(key + "a");
        Fixture.Gates.Open(key + "b");
        await Task.WhenAll(first, second).WaitAsync(Timeout);
        Assert.Equal(1, await grain.MaxConcurrency().WaitAsync(Timeout));
    }

    [Fact]
    public async Task ReentrantGrain_Requests_Interleave()
    {
        var key = Guid.NewGuid().ToString("N");
        var grain = Grains.GetGrain<IReentrantGateGrain>(key);
        var id = new GrainId("reentrantgate", key);

        var first = grain.WriteWait(key + "a");
        var second = grain.WriteWait(key + "b");
        await Fixture.Log.WaitAsync(id, "entered:" + key + "b", timeout: Timeout);
        Fixture.Gates.Open(key + "a");
        Fixture.Gates.Open(key + "b");

        Assert.Equal(2, (await Task.WhenAll(first, second).WaitAsync(Timeout)).Max());
    }

    [Fact]
    public async Task CallChain_AToBToA_CompletesWithoutDeadlock()
    {
        var a = Grains.GetGrain<IChainGrain>("a-" + Guid.NewGuid().ToString("N"));
        var b = Grains.GetGrain<IChainGrain>("b-" + Guid.NewGuid().ToString("N"));

        var reply = await a.CallAndComeBack(b).WaitAsync(Timeout);

        Assert.StartsWith("a-", reply, StringComparison.Ordinal);
        Assert.Contains("back from b-", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsReference_ReturnedFromGrain_CallsTheSameActivation()
    {
        var counter = Grains.GetGrain<ICounterGrain>(Random.Shared.NextInt64());
        await counter.Add(7).WaitAsync(Timeout);

        var self = await counter.Self().WaitAsync(Timeout);

        Assert.Equal(counter, self);
        Assert.Equal(7, await self.Get().WaitAsync(Timeout));
    }

    [Fact]
    public async Task ValueTaskMethods_CompleteThroughTheProxy()
    {
        var counter = Grains.GetGrain<ICounterGrain>(Random.Shared.NextInt64());

        Assert.Equal(4, await counter.AddValue(4));
        await counter.Touch();
        Assert.Equal(4, await counter.Get().WaitAsync(Timeout));
    }

    [Fact]
    public async Task RequestContext_SetByCaller_FlowsThroughGrainToGrainCalls()
    {
        var first = Grains.GetGrain<IContextGrain>(Guid.NewGuid().ToString("N"));
        var second = Grains.GetGrain<IContextGrain>(Guid.NewGuid().ToString("N"));
        RequestContext.Set("correlation-id", "corr-42");
        try
        {
            Assert.Equal("corr-42", await first.Read("correlation-id").WaitAsync(Timeout));
            Assert.Equal("corr-42", await first.ReadThrough(second, "correlation-id").WaitAsync(Timeout));
        }
        finally
        {
            RequestContext.Clear();
        }

        Assert.Null(await first.Read("correlation-id").WaitAsync(Timeout));
    }

    [Fact]
    public async Task DeactivateOnIdle_CallDuringDeactivation_ReachesNextActivation()
    {
        var key = Guid.NewGuid().ToString("N");
        var grain = Grains.GetGrain<IGateGrain>(key);
        var id = new GrainId("gate", key);
        var before = await grain.GetActivationId().WaitAsync(Timeout);

        await grain.DeactivateSlowly(key + "-deactivate").WaitAsync(Timeout);
        await Fixture.Log.WaitAsync(id, "deactivating", timeout: Timeout);
        var during = grain.GetActivationId();
        Fixture.Gates.Open(key + "-deactivate");
        var after = await during.WaitAsync(Timeout);

        Assert.NotEqual(before, after);
        Assert.Equal(1, Fixture.Log.Count(id, "deactivated"));
    }

    [Fact]
    public async Task HangingCall_PastCallTimeout_FailsWithTimeoutException()
    {
        var grain = Grains.GetGrain<IGateGrain>(Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => grain.Hang().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("IGateGrain.Hang", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timer_TicksAsTurns_NeverOverlappingRequestsOrItself()
    {
        var key = Guid.NewGuid().ToString("N");
        var grain = Grains.GetGrain<ITimerGrain>(key);
        await grain.Start(1).WaitAsync(Timeout);

        for (var i = 0; i < 50; i++)
        {
            await grain.Work().WaitAsync(Timeout);
        }

        await Fixture.Log.WaitAsync(new GrainId("timer", key), "tick", times: 10, timeout: Timeout);
        await grain.Stop().WaitAsync(Timeout);
        var stats = await grain.Stats().WaitAsync(Timeout);

        Assert.True(stats.Ticks >= 10, $"ticks: {stats.Ticks}");
        Assert.Equal(50, stats.Requests);
        Assert.Equal(0, stats.Violations);
    }

    [Fact]
    public async Task PersistentState_WrittenThenDeactivated_IsReadOnNextActivation()
    {
        var grain = Grains.GetGrain<IStatefulGrain>(Guid.NewGuid().ToString("N"));

        await grain.SetName("Ирина 🚀").WaitAsync(Timeout);
        var etag = await grain.GetEtag().WaitAsync(Timeout);
        await grain.Deactivate().WaitAsync(Timeout);
        var state = await grain.Get().WaitAsync(Timeout);

        Assert.Equal("Ирина 🚀", state.Name);
        Assert.Equal(1, state.Version);
        Assert.NotNull(etag);
        Assert.Equal(etag, await grain.GetEtag().WaitAsync(Timeout));
    }

    [Fact]
    public async Task PersistentState_Cleared_StartsFromDefaultAndCanBeWrittenAgain()
    {
        var grain = Grains.GetGrain<IStatefulGrain>(Guid.NewGuid().ToString("N"));
        await grain.SetName("first").WaitAsync(Timeout);

        await grain.Clear().WaitAsync(Timeout);
        Assert.Null((await grain.Get().WaitAsync(Timeout)).Name);
        await grain.SetName("second").WaitAsync(Timeout);
        await grain.Deactivate().WaitAsync(Timeout);

        Assert.Equal("second", (await grain.Get().WaitAsync(Timeout)).Name);
    }
}

[Trait("Mode", "Direct")]
public sealed class DirectGrainCallTests(DirectSiloFixture fixture)
    : GrainCallTests<DirectSiloFixture>(fixture), IClassFixture<DirectSiloFixture>
{
    [Fact]
    public async Task MutableArgument_InDirectMode_IsSharedWithTheGrain()
    {
        var counter = Fixture.Grains.GetGrain<ICounterGrain>(Random.Shared.NextInt64());
        var list = new List<int> { 1 };

        var returned = await counter.AppendToList(list, 2).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Same(list, returned);
        Assert.Equal([1, 2], list);
    }
}

[Trait("Mode", "Serialized")]
public sealed class SerializedGrainCallTests(SerializingSiloFixture fixture)
    : GrainCallTests<SerializingSiloFixture>(fixture), IClassFixture<SerializingSiloFixture>
{
    [Fact]
    public async Task MutableArgument_InSerializedMode_IsCopiedBothWays()
    {
        var counter = Fixture.Grains.GetGrain<ICounterGrain>(Random.Shared.NextInt64());
        var list = new List<int> { 1 };

        var returned = await counter.AppendToList(list, 2).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotSame(list, returned);
        Assert.Equal([1], list);
        Assert.Equal([1, 2], returned);
    }

    [Fact]
    public async Task ExceptionWithoutStringConstructor_InSerializedMode_ArrivesAsRemoteGrainException()
    {
        var grain = Fixture.Grains.GetGrain<ICounterGrain>(Random.Shared.NextInt64());

        // InvalidOperationException has a (string) constructor, so it keeps its type; proven above. Here the
        // grain reference itself crosses the boundary and still works.
        var self = await grain.Self().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.IsAssignableFrom<GrainReference>(self);
        Assert.Equal(0, await self.Get().WaitAsync(TimeSpan.FromSeconds(10)));
    }
}

using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Runtime.Filters;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Tests.Grains;

namespace VibeCoder.Runtime.Tests;

/// <summary>Tests that need a silo of their own (restarts, short collection ages, filters, bad contracts).</summary>
public abstract class LifecycleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    protected abstract bool SerializeCalls { get; }

    [Fact]
    public async Task IdleActivation_OlderThanCollectionAge_IsDeactivatedAndReactivatedOnNextCall()
    {
        var log = new LifecycleLog();
        await using var silo = await TestSilos.StartAsync(SerializeCalls, log, new Gates(), settings: new Dictionary<string, string?>
        {
            ["Silo:CollectionAge"] = "00:00:00.200",
            ["Silo:CollectionQuantum"] = "00:00:00.050",
        });
        var key = Random.Shared.NextInt64();
        var id = new GrainId("counter", key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        var first = await counter.GetActivationId().WaitAsync(Timeout);

        await log.WaitAsync(id, "deactivate:IdleCollection", timeout: Timeout);
        var second = await counter.GetActivationId().WaitAsync(Timeout);

        Assert.NotEqual(first, second);
        Assert.Equal(2, log.Count(id, "activate"));
    }

    [Fact]
    public async Task Reminder_RegisteredBeforeRestart_FiresAfterRestart()
    {
        var log = new LifecycleLog();
        var database = TestSilos.NewDatabasePath();
        await using var silo = await TestSilos.StartAsync(SerializeCalls, log, new Gates(), database);
        var key = Guid.NewGuid().ToString("N");
        var id = new GrainId("reminder", key);

        // Due well after the restart, so only the durable row can make it fire.
        await silo.GrainFactory.GetGrain<IReminderGrain>(key).Register("wake", dueMs: 1500, periodMs: 60_000).WaitAsync(Timeout);
        await silo.RestartAsync();
        Assert.Equal(0, log.Count(id, "reminder:wake"));

        await log.WaitAsync(id, "reminder:wake", timeout: Timeout);
        var names = await silo.GrainFactory.GetGrain<IReminderGrain>(key).List().WaitAsync(Timeout);
        Assert.Equal(["wake"], names);
    }

    [Fact]
    public async Task Reminder_MissedWhileSiloWasDown_FiresOnceRightAfterStart()
    {
        var log = new LifecycleLog();
        var database = TestSilos.NewDatabasePath();
        var key = Guid.NewGuid().ToString("N");
        var id = new GrainId("reminder", key);
        await using var silo = await TestSilos.StartAsync(SerializeCalls, log, new Gates(), database);
        await silo.GrainFactory.GetGrain<IReminderGrain>(key).Register("late", dueMs: 200, periodMs: 3_600_000).WaitAsync(Timeout);

        // A crash before the due time: the tick is missed, the row survives.
        await silo.CrashAndRestartAsync();

        await log.WaitAsync(id, "reminder:late", timeout: Timeout);
    }

    [Fact]
    public async Task Reminder_Unregistered_StopsFiring()
    {
        var log = new LifecycleLog();
        await using var silo = await TestSilos.StartAsync(SerializeCalls, log, new Gates());
        var key = Guid.NewGuid().ToString("N");
        var id = new GrainId("reminder", key);
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>(key);

        await grain.Register("tick", dueMs: 10, periodMs: 50).WaitAsync(Timeout);
        await log.WaitAsync(id, "reminder:tick", times: 2, timeout: Timeout);
        await grain.Unregister("tick").WaitAsync(Timeout);

        Assert.Empty(await grain.List().WaitAsync(Timeout));
    }

    [Fact]
    public async Task PersistentState_AfterSiloRestart_IsStillThere()
    {
        var database = TestSilos.NewDatabasePath();
        await using var silo = await TestSilos.StartAsync(SerializeCalls, new LifecycleLog(), new Gates(), database);
        var key = Guid.NewGuid().ToString("N");
        await silo.GrainFactory.GetGrain<IStatefulGrain>(key).SetName("before restart").WaitAsync(Timeout);

        await silo.CrashAndRestartAsync();

        var state = await silo.GrainFactory.GetGrain<IStatefulGrain>(key).Get().WaitAsync(Timeout);
        Assert.Equal("before restart", state.Name);
    }

    [Fact]
    public async Task CallFilters_IncomingAndOutgoing_SeeEveryCallAndCanAddContext()
    {
        var recorder = new FilterRecorder();
        await using var silo = await TestSilos.StartAsync(SerializeCalls, new LifecycleLog(), new Gates(), configure: s =>
        {
            s.Services.AddSingleton(recorder);
            s.AddIncomingGrainCallFilter<RecordingIncomingFilter>();
            s.AddOutgoingGrainCallFilter<TaggingOutgoingFilter>();
        });
        var grain = silo.GrainFactory.GetGrain<IContextGrain>(Guid.NewGuid().ToString("N"));

        var tag = await grain.Read("filter-tag").WaitAsync(Timeout);

        Assert.Equal("outgoing", tag);
        Assert.Contains("IContextGrain.Read(filter-tag)", recorder.Calls);
    }

    [Fact]
    public async Task Start_WithGrainContractThatCannotRoundTrip_FailsNamingTheType()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestSilos.StartAsync(SerializeCalls, new LifecycleLog(), new Gates(), configure: s => s.AddGrain<BadContractGrain>()));

        Assert.Contains("System.IO.Stream", error.Message, StringComparison.Ordinal);
        Assert.Contains("IBadContractGrain.Upload", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grain_CreatedWithNew_IsRejectedWithAClearMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ChainGrain());

        Assert.Contains("GetGrain", error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task CallAfterSiloStopped_FailsClearly()
    {
        var silo = await TestSilos.StartAsync(SerializeCalls, new LifecycleLog(), new Gates());
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(1);
        await counter.Add(1).WaitAsync(Timeout);

        await silo.DisposeAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => counter.Add(1).WaitAsync(Timeout));
        Assert.Contains("stopped", error.Message, StringComparison.Ordinal);
    }
}

public sealed class DirectLifecycleTests : LifecycleTests
{
    protected override bool SerializeCalls => false;
}

public sealed class SerializedLifecycleTests : LifecycleTests
{
    protected override bool SerializeCalls => true;
}

public sealed class FilterRecorder
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _calls = new();

    public IReadOnlyCollection<string> Calls => _calls.ToArray();

    public void Add(string call) => _calls.Enqueue(call);
}

public sealed class RecordingIncomingFilter(FilterRecorder recorder) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var args = string.Join(",", Enumerable.Range(0, context.ArgumentCount).Select(context.GetArgument));
        recorder.Add($"{context.InterfaceType.Name}.{context.MethodName}({args})");
        await context.Invoke();
    }
}

public sealed class TaggingOutgoingFilter : IOutgoingGrainCallFilter
{
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        RequestContext.Set("filter-tag", "outgoing");
        return context.Invoke();
    }
}

using VibeCoder.Runtime;
using VibeCoder.Runtime.Streams;
using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Grains;

public interface IShutdownPublisherGrain : IGrainWithStringKey
{
    Task<int> Ping();
}

/// <summary>Publishes one item to "recorded/&lt;key&gt;" while it deactivates (after stream delivery has stopped at shutdown).</summary>
public sealed class ShutdownPublisherGrain : Grain, IShutdownPublisherGrain
{
    public Task<int> Ping() => Task.FromResult(1);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        this.GetStreamProvider(TestSilo.Provider)
            .GetStream<TestEvent>(RecorderGrain.Namespace, GetPrimaryKeyString())
            .OnNextAsync(new TestEvent("shutdown", 1), cancellationToken);
}

using VibeCoder.Runtime;
using VibeCoder.Runtime.Streams;
using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Grains;

/// <summary>A grain interface that extends the observer interface, so a reference to it can be subscribed explicitly.</summary>
public interface ISubscriberGrain : IGrainWithStringKey, IAsyncObserver<TestEvent>
{
    Task<int> Ping();
}

/// <summary>Subscribed explicitly (by reference): records what it receives as "grain:&lt;key&gt;".</summary>
public sealed class SubscriberGrain(DeliveryLog log, SiloGeneration generation) : Grain, ISubscriberGrain
{
    public Task<int> Ping() => Task.FromResult(1);

    public Task OnNextAsync(TestEvent item, StreamSequenceToken token)
    {
        log.Record(new Delivery($"grain:{GetPrimaryKeyString()}", new StreamId("?", item.Producer), token.SequenceNumber, item, RequestContext.Snapshot(), generation.Value, GetPrimaryKeyString()));
        return Task.CompletedTask;
    }
}

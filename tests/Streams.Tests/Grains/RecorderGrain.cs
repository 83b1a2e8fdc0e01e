using VibeCoder.Runtime;
using VibeCoder.Runtime.Streams;
using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Grains;

public interface IRecorderGrain : IGrainWithStringKey
{
    Task<int> Ping();
}

/// <summary>Implicitly subscribed to namespace "recorded": records every item, keyed by the stream key it was activated for.</summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class RecorderGrain(DeliveryLog log, SiloGeneration generation) : Grain, IRecorderGrain, IAsyncObserver<TestEvent>
{
    public const string Namespace = "recorded";

    public const string Subscriber = "recorder";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        log.RecordActivation(GrainId.ToString());
        return Task.CompletedTask;
    }

    public Task<int> Ping() => Task.FromResult(1);

    public async Task OnNextAsync(TestEvent item, StreamSequenceToken token)
    {
        await log.HoldIfAskedAsync(Subscriber, item);
        log.Record(new Delivery(Subscriber, new StreamId(Namespace, GetPrimaryKeyString()), token.SequenceNumber, item, RequestContext.Snapshot(), generation.Value, GetPrimaryKeyString()));
    }
}

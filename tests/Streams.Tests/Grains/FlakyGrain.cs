using VibeCoder.Runtime;
using VibeCoder.Runtime.Streams;
using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Grains;

public interface IFlakyGrain : IGrainWithStringKey
{
    Task<int> Ping();
}

/// <summary>Implicitly subscribed to namespace "flaky": throws on "poison" items always and on "fail-twice" items twice.</summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class FlakyGrain(DeliveryLog log, SiloGeneration generation) : Grain, IFlakyGrain, IAsyncObserver<TestEvent>
{
    public const string Namespace = "flaky";

    public const string Subscriber = "flaky";

    public Task<int> Ping() => Task.FromResult(1);

    public Task OnNextAsync(TestEvent item, StreamSequenceToken token)
    {
        var attempt = log.CountAttempt($"{GetPrimaryKeyString()}/{token.SequenceNumber}");
        if (item.Tag == "poison" || (item.Tag == "fail-twice" && attempt <= 2))
        {
            throw new InvalidOperationException($"Refusing {item.Tag} item {item.Index} (attempt {attempt}).");
        }

        log.Record(new Delivery(Subscriber, new StreamId(Namespace, GetPrimaryKeyString()), token.SequenceNumber, item, RequestContext.Snapshot(), generation.Value));
        return Task.CompletedTask;
    }
}

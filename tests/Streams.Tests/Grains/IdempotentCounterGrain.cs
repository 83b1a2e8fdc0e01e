using VibeCoder.Grains.Events;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Storage;
using VibeCoder.Runtime.Streams;
using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Grains;

public sealed record CounterState
{
    public int Effects { get; init; }

    public ProcessedEventIds Processed { get; init; } = ProcessedEventIds.Empty;
}

public interface IIdempotentCounterGrain : IGrainWithStringKey
{
    Task<int> GetEffects();
}

/// <summary>Implicitly subscribed to "counted": counts each distinct event once, remembering handled ids in its state.</summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class IdempotentCounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter, DeliveryLog log, SiloGeneration generation)
    : Grain, IIdempotentCounterGrain, IAsyncObserver<EventEnvelope>
{
    public const string Namespace = "counted";

    public const string Subscriber = "counter";

    public Task<int> GetEffects() => Task.FromResult(counter.State.Effects);

    public async Task OnNextAsync(EventEnvelope item, StreamSequenceToken token)
    {
        if (counter.State.Processed.TryAdd(item.Id, out var processed))
        {
            counter.State = counter.State with { Effects = counter.State.Effects + 1, Processed = processed };
            await counter.WriteStateAsync();
        }

        log.Record(new Delivery(Subscriber, new StreamId(Namespace, GetPrimaryKeyString()), token.SequenceNumber, item, RequestContext.Snapshot(), generation.Value));
    }
}

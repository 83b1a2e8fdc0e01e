using Orleans.Runtime;
using Orleans.Streams;
using VibeCoder.Grains.Events;

namespace VibeCoder.Grains.Tests;

/// <summary>Subscribes to a job's streams in every event namespace and lets a test await the types it expects.</summary>
public sealed class EventCollector
{
    private readonly Lock _lock = new();
    private readonly List<EventEnvelope> _events = [];
    private readonly List<(HashSet<string> Types, TaskCompletionSource<IReadOnlyList<EventEnvelope>> Signal)> _waiters = [];

    public static async Task<EventCollector> SubscribeAsync(IClusterClient client, string key)
    {
        var collector = new EventCollector();
        var provider = client.GetStreamProvider(DomainEventStreams.ProviderName);
        foreach (var ns in EventNamespaces.All)
        {
            await provider.GetStream<EventEnvelope>(StreamId.Create(ns, key)).SubscribeAsync((envelope, _) =>
            {
                collector.Add(envelope);
                return Task.CompletedTask;
            });
        }

        return collector;
    }

    /// <summary>Completes with every event seen once all <paramref name="types"/> have arrived.</summary>
    public Task<IReadOnlyList<EventEnvelope>> WaitForTypesAsync(TimeSpan timeout, params string[] types)
    {
        lock (_lock)
        {
            var signal = new TaskCompletionSource<IReadOnlyList<EventEnvelope>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((types.ToHashSet(), signal));
            Check();
            return signal.Task.WaitAsync(timeout);
        }
    }

    private void Add(EventEnvelope envelope)
    {
        lock (_lock)
        {
            _events.Add(envelope);
            Check();
        }
    }

    private void Check()
    {
        var present = _events.Select(e => e.Type).ToHashSet();
        foreach (var waiter in _waiters.Where(w => w.Types.IsSubsetOf(present)).ToArray())
        {
            waiter.Signal.TrySetResult(_events.ToArray());
            _waiters.Remove(waiter);
        }
    }
}

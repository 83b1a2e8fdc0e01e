using System.Collections.Concurrent;

namespace VibeCoder.Runtime.Streams;

/// <summary>
/// The memory provider's log: items, subscriptions and checkpoints in this process only, gone with it.
/// </summary>
/// <remarks>
/// Each stream's list is guarded by its own lock; sequence numbers are assigned and the commit observer called under
/// it, so observers see each stream's commits in order.
/// </remarks>
internal sealed class MemoryStreamLog(TimeProvider time) : IStreamLog
{
    private const int MaxDeadLetters = 1000;

    private readonly ConcurrentDictionary<StreamId, StreamData> _streams = new();
    private readonly ConcurrentDictionary<Guid, StoredSubscription> _subscriptions = new();
    private readonly ConcurrentDictionary<(StreamId Stream, string Subscriber), long> _checkpoints = new();
    private readonly LinkedList<DeadLetter> _deadLetters = new();
    private long _deadLetterCount;
    private Action<StreamId, IReadOnlyList<StreamEvent>>? _observer;

    public string Description => "in-memory stream log";

    public bool IsDurable => false;

    public void SetCommitObserver(Action<StreamId, IReadOnlyList<StreamEvent>> observer) => _observer = observer;

    public Task<long> AppendAsync(StreamId stream, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken)
    {
        var data = _streams.GetOrAdd(stream, static _ => new StreamData());
        lock (data)
        {
            foreach (var streamEvent in events)
            {
                streamEvent.Sequence = ++data.Head;
                data.Events.Add(streamEvent);
            }

            data.ChangedAt = time.GetUtcNow();
            _observer?.Invoke(stream, events);
            return Task.FromResult(data.Head);
        }
    }

    public Task<IReadOnlyList<StreamEvent>> ReadAsync(StreamId stream, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        if (!_streams.TryGetValue(stream, out var data))
        {
            return Task.FromResult<IReadOnlyList<StreamEvent>>([]);
        }

        lock (data)
        {
            var start = data.IndexAfter(afterSequence);
            var count = Math.Min(maxCount, data.Events.Count - start);
            return Task.FromResult<IReadOnlyList<StreamEvent>>(count <= 0 ? [] : data.Events.GetRange(start, count).ToArray());
        }
    }

    public Task<long?> FindSequenceAsync(StreamId stream, DateTimeOffset from, CancellationToken cancellationToken)
    {
        if (!_streams.TryGetValue(stream, out var data))
        {
            return Task.FromResult<long?>(null);
        }

        lock (data)
        {
            long? found = null;
            foreach (var streamEvent in data.Events)
            {
                if (streamEvent.Timestamp >= from && (found is null || streamEvent.Sequence < found))
                {
                    found = streamEvent.Sequence;
                }
            }

            return Task.FromResult(found);
        }
    }

    public Task<long> GetHeadAsync(StreamId stream, CancellationToken cancellationToken)
    {
        if (!_streams.TryGetValue(stream, out var data))
        {
            return Task.FromResult(0L);
        }

        lock (data)
        {
            return Task.FromResult(data.Head);
        }
    }

    public Task<IReadOnlyList<StreamHead>> ReadHeadsAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken)
    {
        var heads = new List<StreamHead>();
        foreach (var (stream, data) in _streams)
        {
            lock (data)
            {
                if (changedSince is null || data.ChangedAt >= changedSince)
                {
                    heads.Add(new StreamHead(stream, data.Head));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<StreamHead>>(heads);
    }

    public Task<IReadOnlyList<StoredSubscription>> ReadSubscriptionsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredSubscription>>(_subscriptions.Values.ToArray());

    public Task SaveSubscriptionAsync(StoredSubscription subscription, long position, CancellationToken cancellationToken)
    {
        _subscriptions[subscription.HandleId] = subscription;
        _checkpoints[(subscription.Stream, subscription.Subscriber)] = position;
        return Task.CompletedTask;
    }

    public Task DeleteSubscriptionAsync(StreamId stream, Guid handleId, CancellationToken cancellationToken)
    {
        _subscriptions.TryRemove(handleId, out _);
        _checkpoints.TryRemove((stream, SubscriberNames.Explicit(handleId)), out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StreamCheckpoint>> ReadCheckpointsAsync(StreamId? stream, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StreamCheckpoint>>(_checkpoints
            .Where(pair => stream is null || pair.Key.Stream == stream)
            .Select(pair => new StreamCheckpoint(pair.Key.Stream, pair.Key.Subscriber, pair.Value))
            .ToArray());

    public Task SaveCheckpointsAsync(IReadOnlyList<StreamCheckpoint> checkpoints, CancellationToken cancellationToken)
    {
        foreach (var checkpoint in checkpoints)
        {
            _checkpoints[(checkpoint.Stream, checkpoint.Subscriber)] = checkpoint.Position;
        }

        return Task.CompletedTask;
    }

    public Task AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        // Bounded: the memory provider keeps the newest dead letters and counts all of them.
        lock (_deadLetters)
        {
            _deadLetters.AddFirst(deadLetter);
            if (_deadLetters.Count > MaxDeadLetters)
            {
                _deadLetters.RemoveLast();
            }

            _deadLetterCount++;
        }

        return Task.CompletedTask;
    }

    public Task<long> CountDeadLettersAsync(CancellationToken cancellationToken)
    {
        lock (_deadLetters)
        {
            return Task.FromResult(_deadLetterCount);
        }
    }

    public Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(int maxCount, CancellationToken cancellationToken)
    {
        lock (_deadLetters)
        {
            return Task.FromResult<IReadOnlyList<DeadLetter>>(_deadLetters.Take(maxCount).ToArray());
        }
    }

    public Task<long> TrimAsync(IReadOnlyList<TrimRange> ranges, DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        long removed = 0;
        foreach (var range in ranges)
        {
            if (!_streams.TryGetValue(range.Stream, out var data))
            {
                continue;
            }

            lock (data)
            {
                removed += data.Events.RemoveAll(e =>
                    e.Sequence <= range.SafeSequence && (e.Sequence <= range.CountLimitSequence || e.Timestamp < olderThan));
            }
        }

        return Task.FromResult(removed);
    }

    public Task WatchAsync(Action<IReadOnlyList<StreamId>?> onChanged, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class StreamData
    {
        public List<StreamEvent> Events { get; } = [];

        public long Head { get; set; }

        public DateTimeOffset ChangedAt { get; set; }

        /// <summary>The index of the first event above <paramref name="sequence"/> (events are sorted; retention leaves gaps).</summary>
        public int IndexAfter(long sequence)
        {
            int low = 0, high = Events.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (Events[middle].Sequence <= sequence)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}

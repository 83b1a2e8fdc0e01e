using System.Collections.Concurrent;
using VibeCoder.Runtime.Streams;

namespace VibeCoder.Streams.Tests.Infrastructure;

/// <summary>One delivery a test subscriber saw.</summary>
/// <param name="Subscriber">Which subscriber (a name the test chose).</param>
/// <param name="Stream">The stream.</param>
/// <param name="Sequence">The item's sequence number.</param>
/// <param name="Item">The item.</param>
/// <param name="Context">The request context the handler ran with.</param>
/// <param name="Generation">The silo generation the delivery started in.</param>
/// <param name="GrainKey">The receiving grain's key (grain subscribers).</param>
public sealed record Delivery(string Subscriber, StreamId Stream, long Sequence, object Item, IReadOnlyDictionary<string, string> Context, int Generation, string? GrainKey = null)
{
    /// <summary>The item's publication time, from its token.</summary>
    public DateTimeOffset Timestamp { get; init; }
}

/// <summary>
/// Shared by the test and the subscribers it starts (across silo restarts): records deliveries and attempts, lets a
/// test wait for a condition on them (no sleeps), and can hold chosen deliveries until released.
/// </summary>
public sealed class DeliveryLog
{
    private readonly Lock _lock = new();
    private readonly List<Delivery> _deliveries = [];
    private readonly List<(Func<IReadOnlyList<Delivery>, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentDictionary<string, int> _activations = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _generations;

    /// <summary>Numbers the silos started over this log: 1, 2, 3, …</summary>
    public int NextGeneration() => Interlocked.Increment(ref _generations);

    /// <summary>Deliveries matching this (subscriber, item) are held (the handler awaits) until <see cref="ReleaseHeld"/>.</summary>
    public Func<string, object, bool>? Hold { get; set; }

    public IReadOnlyList<Delivery> All
    {
        get
        {
            lock (_lock)
            {
                return _deliveries.ToArray();
            }
        }
    }

    public IReadOnlyList<Delivery> For(string subscriber) => All.Where(d => d.Subscriber == subscriber).ToArray();

    public void Record(Delivery delivery)
    {
        lock (_lock)
        {
            _deliveries.Add(delivery);
            var snapshot = _deliveries.ToArray();
            foreach (var waiter in _waiters.ToArray())
            {
                if (waiter.Condition(snapshot))
                {
                    waiter.Done.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }

    /// <summary>Counts an attempt to handle <paramref name="key"/> and returns how many there were, this one included.</summary>
    public int CountAttempt(string key) => _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);

    public int Attempts(string key) => _attempts.GetValueOrDefault(key);

    public void RecordActivation(string grain) => _activations.AddOrUpdate(grain, 1, (_, n) => n + 1);

    public int Activations(string grain) => _activations.GetValueOrDefault(grain);

    /// <summary>Completes once <paramref name="condition"/> holds for the deliveries so far.</summary>
    public Task WaitForAsync(Func<IReadOnlyList<Delivery>, bool> condition, TimeSpan? timeout = null)
    {
        lock (_lock)
        {
            if (condition(_deliveries))
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, done));
            return done.Task.WaitAsync(timeout ?? TestTimeouts.Default);
        }
    }

    /// <summary>Completes once <paramref name="subscriber"/> has at least <paramref name="count"/> deliveries.</summary>
    public Task WaitForCountAsync(string subscriber, int count, TimeSpan? timeout = null) =>
        WaitForAsync(all => all.Count(d => d.Subscriber == subscriber) >= count, timeout);

    /// <summary>Called by handlers: waits while the item is to be held (and tells <see cref="HeldAsync"/> it is).</summary>
    public Task HoldIfAskedAsync(string subscriber, object item)
    {
        if (Hold?.Invoke(subscriber, item) != true)
        {
            return Task.CompletedTask;
        }

        _held.TrySetResult();
        return _release.Task;
    }

    /// <summary>Completes once a delivery is being held: its subscriber has completed everything before it.</summary>
    public Task HeldAsync() => _held.Task.WithTimeout();

    public void ReleaseHeld() => _release.TrySetResult();
}

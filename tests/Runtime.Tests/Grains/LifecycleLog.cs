using System.Collections.Concurrent;

namespace VibeCoder.Runtime.Tests.Grains;

/// <summary>
/// A test service grains write to: lifecycle events and other observations, with awaitable signals so tests
/// wait for an event instead of sleeping. Shared across silo restarts by registering the same instance.
/// </summary>
public sealed class LifecycleLog
{
    private readonly ConcurrentQueue<(GrainId Grain, string Event)> _events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public IReadOnlyList<(GrainId Grain, string Event)> Events => _events.ToArray();

    public void Record(GrainId grain, string what)
    {
        _events.Enqueue((grain, what));
        var key = Key(grain, what);
        var count = _counts.AddOrUpdate(key, 1, (_, c) => c + 1);
        Signal(key).TrySetResult();
        Signal($"{key}#{count}").TrySetResult();
    }

    public int Count(GrainId grain, string what) => _counts.TryGetValue(Key(grain, what), out var count) ? count : 0;

    /// <summary>Completes when <paramref name="what"/> has been recorded for the grain at least <paramref name="times"/> times.</summary>
    public Task WaitAsync(GrainId grain, string what, int times = 1, TimeSpan? timeout = null) =>
        Signal($"{Key(grain, what)}#{times}").Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    private static string Key(GrainId grain, string what) => $"{grain}|{what}";

    private TaskCompletionSource Signal(string key) =>
        _waiters.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

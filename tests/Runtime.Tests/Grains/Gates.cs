using System.Collections.Concurrent;

namespace VibeCoder.Runtime.Tests.Grains;

/// <summary>Named one-shot signals that tests open and grains await, so interleavings are forced, not timed.</summary>
public sealed class Gates
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();

    public Task WaitAsync(string name) => Get(name).Task;

    public void Open(string name) => Get(name).TrySetResult();

    private TaskCompletionSource Get(string name) =>
        _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

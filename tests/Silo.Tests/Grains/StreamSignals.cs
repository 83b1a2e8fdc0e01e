using System.Collections.Concurrent;

namespace VibeCoder.Silo.Tests.Grains;

/// <summary>Lets a test await the delivery of a stream item it published.</summary>
public sealed class StreamSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    public Task WhenDelivered(string item) => Signal(item).Task;

    public void Delivered(string item) => Signal(item).TrySetResult();

    private TaskCompletionSource Signal(string item) =>
        _signals.GetOrAdd(item, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

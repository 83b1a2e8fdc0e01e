namespace VibeCoder.Runtime.Hosting;

/// <summary>The runtime's <see cref="ISiloStatus"/>.</summary>
internal sealed class SiloStatus(GrainRuntime runtime) : ISiloStatus
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsActive => runtime.IsActive;

    public Task Started => _started.Task;

    public void MarkStarted() => _started.TrySetResult();

    public void MarkFailed(Exception exception) => _started.TrySetException(exception);
}

namespace VibeCoder.TestServers.Telegram;

/// <summary>
/// A pulse waiters can await without missing one: take <see cref="Current"/> before checking the condition, then
/// await it; any <see cref="Pulse"/> after the take completes it.
/// </summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Current => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

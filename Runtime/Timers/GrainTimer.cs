using VibeCoder.Runtime.Activation;
using VibeCoder.Runtime.Invocation;

namespace VibeCoder.Runtime.Timers;

/// <summary>
/// An in-memory timer whose ticks are requests of the activation: a tick waits for running requests, nothing
/// interleaves with it, and the next tick is only armed after the callback's task completed — so ticks never
/// overlap each other or a request. Lives and dies with the activation.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposed = new();
    private TimeSpan _period;

    private GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan period)
    {
        _activation = activation;
        _callback = callback;
        _period = period;
        _timer = TimeProvider.System.CreateTimer(static state => ((GrainTimer)state!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public static GrainTimer Start(ActivationData activation, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GrainTimer(activation, callback, period);
        activation.AddTimer(timer);
        timer._timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        return timer;
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        _period = period;
        if (!_disposed.IsCancellationRequested)
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    private void OnDue()
    {
        if (!_disposed.IsCancellationRequested)
        {
            var tick = new TimerTick(this) { TargetId = _activation.GrainId, DeadlineMs = long.MaxValue };
            _ = tick.TypedTask;
            _activation.Enqueue(tick);
        }
    }

    private async ValueTask<object?> RunTickAsync()
    {
        try
        {
            await _callback(_disposed.Token);
        }
        catch (Exception exception) when (!_disposed.IsCancellationRequested)
        {
            GrainRuntime.Log.TimerCallbackFailed(_activation.Runtime.Logger, _activation.GrainId, exception);
        }
        catch (OperationCanceledException)
        {
            // Disposed while running.
        }

        if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan)
        {
            _timer.Change(_period, Timeout.InfiniteTimeSpan);
        }

        return null;
    }

    private sealed class TimerTick(GrainTimer timer) : SystemRequest("timer")
    {
        protected override ValueTask<object?> InvokeCore(object grain) => timer.RunTickAsync();
    }
}

using System.Diagnostics;

namespace VibeCoder.Bench.Scenarios;

/// <summary>Counts deliveries (and samples publish-to-handler latency while asked to), for the scenario to wait on.</summary>
internal sealed class StreamBenchProbe
{
    private readonly Lock _lock = new();
    private readonly List<double> _latencies = [];
    private long _delivered;
    private volatile bool _sampling;
    private (long Target, TaskCompletionSource Done)? _waiter;

    public long Delivered => Interlocked.Read(ref _delivered);

    public void OnDelivered(StreamBenchEvent item)
    {
        if (_sampling)
        {
            var milliseconds = Stopwatch.GetElapsedTime(item.PublishedAt).TotalMilliseconds;
            lock (_lock)
            {
                _latencies.Add(milliseconds);
            }
        }

        var delivered = Interlocked.Increment(ref _delivered);
        if (_waiter is { } waiter && delivered >= waiter.Target)
        {
            waiter.Done.TrySetResult();
        }
    }

    public Task WaitForDeliveredAsync(long target, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiter = (target, done);
        if (Delivered >= target)
        {
            done.TrySetResult();
        }

        return done.Task.WaitAsync(timeout);
    }

    public void StartLatencySampling()
    {
        lock (_lock)
        {
            _latencies.Clear();
        }

        _sampling = true;
    }

    public double[] StopLatencySampling()
    {
        _sampling = false;
        lock (_lock)
        {
            return _latencies.ToArray();
        }
    }
}

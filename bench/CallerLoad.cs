using System.Diagnostics;

namespace VibeCoder.Bench;

/// <summary>
/// Closed-loop callers, one per target, each with one call in flight. Every caller yields after each call: an
/// Orleans call that completes synchronously would otherwise run the caller's next call inline on the same thread,
/// and a few callers would starve the rest. Per-caller counts accumulate over <see cref="RunAsync"/> rounds so the
/// slowest caller can be reported.
/// </summary>
internal sealed class CallerLoad(int callers, int sampleEvery, Func<int, Task> call)
{
    private readonly long[] _totals = new long[callers];
    private double _seconds;

    /// <summary>Sampled call latencies (every <c>sampleEvery</c>-th call of a caller) of all measured rounds.</summary>
    public LatencyRecorder Latency { get; } = new(callers, sampleEvery);

    /// <summary>Measured seconds so far.</summary>
    public double Seconds => _seconds;

    /// <summary>Calls completed in the measured rounds.</summary>
    public long Calls => _totals.Sum();

    /// <summary>Calls per second of the slowest caller over the measured rounds.</summary>
    public double SlowestCallerRate => _seconds == 0 ? 0 : _totals.Min() / _seconds;

    /// <summary>Runs every caller for <paramref name="duration"/>; returns the round's calls per second.</summary>
    /// <param name="duration">How long the callers keep calling.</param>
    /// <param name="measure">False for warm-up: nothing is recorded.</param>
    /// <param name="cancellationToken">Stops the round early.</param>
    public async Task<double> RunAsync(TimeSpan duration, bool measure, CancellationToken cancellationToken)
    {
        var stop = false;
        var counts = new long[callers];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loops = Enumerable.Range(0, callers).Select(async caller =>
        {
            await start.Task;
            long n = 0;
            while (!Volatile.Read(ref stop))
            {
                if (measure && n % sampleEvery == 0)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await call(caller);
                    Latency.Record(caller, t0);
                }
                else
                {
                    await call(caller);
                }

                n++;
                await Task.Yield();
            }

            counts[caller] = n;
        }).ToArray();

        var clock = Stopwatch.StartNew();
        start.SetResult();
        await Task.Delay(duration, cancellationToken);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(loops);
        var seconds = clock.Elapsed.TotalSeconds;
        if (measure)
        {
            for (var i = 0; i < callers; i++)
            {
                _totals[i] += counts[i];
            }

            _seconds += seconds;
        }

        return counts.Sum() / seconds;
    }
}

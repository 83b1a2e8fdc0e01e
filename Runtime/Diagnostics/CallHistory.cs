namespace VibeCoder.Runtime.Diagnostics;

/// <summary>
/// The last seconds of profiling: one <see cref="CallRateSample"/> per second for the charts, and for the most
/// recent <see cref="WindowSeconds"/> also the raw counts and latency histogram, so the overview can state a
/// p99 over the last minute rather than a mean of per-second p99s.
/// </summary>
/// <remarks>Not thread-safe: the owner serializes access (the sampler writes, API calls read, under one lock).</remarks>
internal sealed class CallHistory(int capacity)
{
    public const int WindowSeconds = 60;

    private readonly CallRateSample[] _samples = new CallRateSample[capacity];
    private readonly WindowSlot[] _window = Enumerable.Range(0, WindowSeconds).Select(_ => new WindowSlot()).ToArray();
    private int _next;
    private int _count;

    public void Add(CallRateSample sample, ReadOnlySpan<long> histogramDelta, CallTotals delta, double seconds)
    {
        _samples[_next % _samples.Length] = sample;
        var slot = _window[_next % WindowSeconds];
        histogramDelta.CopyTo(slot.Histogram);
        slot.Totals = delta;
        slot.Seconds = seconds;
        _next++;
        _count = Math.Min(_count + 1, _samples.Length);
    }

    /// <summary>The samples covering at most <paramref name="seconds"/>, oldest first.</summary>
    public IReadOnlyList<CallRateSample> Latest(int seconds)
    {
        var take = Math.Min(Math.Max(seconds, 0), _count);
        var result = new CallRateSample[take];
        for (var i = 0; i < take; i++)
        {
            result[i] = _samples[(_next - take + i) % _samples.Length];
        }

        return result;
    }

    /// <summary>The most recent sample, or null.</summary>
    public CallRateSample? Last => _count == 0 ? null : _samples[(_next - 1) % _samples.Length];

    /// <summary>Totals over the last minute (or as much of it as was sampled).</summary>
    public (CallTotals Totals, double Seconds) Window(Span<long> histogram)
    {
        histogram.Clear();
        var totals = default(CallTotals);
        var seconds = 0.0;
        var slots = Math.Min(_count, WindowSeconds);
        for (var i = 0; i < slots; i++)
        {
            var slot = _window[(_next - 1 - i) % WindowSeconds];
            totals += slot.Totals;
            seconds += slot.Seconds;
            for (var b = 0; b < LatencyBuckets.Count; b++)
            {
                histogram[b] += slot.Histogram[b];
            }
        }

        return (totals, seconds);
    }

    private sealed class WindowSlot
    {
        public readonly long[] Histogram = new long[LatencyBuckets.Count];
        public CallTotals Totals;
        public double Seconds;
    }
}

using System.Diagnostics;

namespace VibeCoder.Bench;

/// <summary>
/// Collects sampled latencies per worker (no sharing, no locks on the hot path) and reports percentiles.
/// </summary>
internal sealed class LatencyRecorder(int workers, int sampleEvery)
{
    private readonly List<long>[] _samples = Enumerable.Range(0, workers).Select(_ => new List<long>(1 << 14)).ToArray();

    public int SampleEvery => sampleEvery;

    public void Record(int worker, long startTimestamp) =>
        _samples[worker].Add(Stopwatch.GetTimestamp() - startTimestamp);

    public double PercentileMicroseconds(double percentile)
    {
        var all = _samples.SelectMany(s => s).ToArray();
        if (all.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(all);
        var index = (int)Math.Clamp(Math.Ceiling(percentile / 100 * all.Length) - 1, 0, all.Length - 1);
        return Math.Round(all[index] * 1_000_000.0 / Stopwatch.Frequency, 1);
    }
}

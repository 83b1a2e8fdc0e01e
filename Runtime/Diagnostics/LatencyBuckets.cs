using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace VibeCoder.Runtime.Diagnostics;

/// <summary>
/// Log-linear latency buckets over <see cref="Stopwatch"/> ticks: four buckets per power of two, so a bucket's
/// width is a quarter of its start and any percentile read from them is within 25 % (less with interpolation).
/// Indexing is a leading-zero count and two shifts, cheap enough for every grain call.
/// </summary>
internal static class LatencyBuckets
{
    /// <summary>64 powers of two × 4 sub-buckets. Indexes 4..7 stay unused (ticks 0..3 get exact buckets 0..3).</summary>
    public const int Count = 256;

    private static readonly double MillisecondsPerTick = 1000.0 / Stopwatch.Frequency;

    /// <summary>The bucket of a duration in ticks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IndexOf(long ticks)
    {
        if (ticks < 4)
        {
            return ticks <= 0 ? 0 : (int)ticks;
        }

        var exponent = BitOperations.Log2((ulong)ticks);
        var sub = (int)(ticks >> (exponent - 2)) & 3;
        return (exponent << 2) | sub;
    }

    /// <summary>The smallest tick count of a bucket.</summary>
    public static double LowerBoundTicks(int index) =>
        index < 8 ? index : (4 + (index & 3)) * Math.Pow(2, (index >> 2) - 2);

    /// <summary>The first tick count past a bucket.</summary>
    public static double UpperBoundTicks(int index) =>
        index < 8 ? index + 1 : (5 + (index & 3)) * Math.Pow(2, (index >> 2) - 2);

    /// <summary>Converts ticks to milliseconds.</summary>
    public static double ToMilliseconds(double ticks) => ticks * MillisecondsPerTick;

    /// <summary>
    /// The <paramref name="percentile"/> (0..100) of the counts, in milliseconds, interpolated linearly inside the
    /// bucket that holds it; 0 when there are no counts.
    /// </summary>
    public static double PercentileMs(ReadOnlySpan<long> buckets, double percentile)
    {
        long total = 0;
        foreach (var count in buckets)
        {
            total += count;
        }

        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(total * percentile / 100.0));
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            if (buckets[i] == 0)
            {
                continue;
            }

            if (seen + buckets[i] >= rank)
            {
                var lower = LowerBoundTicks(i);
                var fraction = (double)(rank - seen) / buckets[i];
                return ToMilliseconds(lower + ((UpperBoundTicks(i) - lower) * fraction));
            }

            seen += buckets[i];
        }

        return ToMilliseconds(UpperBoundTicks(buckets.Length - 1));
    }
}

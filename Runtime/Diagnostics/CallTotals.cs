namespace VibeCoder.Runtime.Diagnostics;

/// <summary>Counts of calls: all, failed, and those whose latency was measured with the sum of their latencies.</summary>
internal readonly record struct CallTotals(long Calls, long Errors, long TimedCalls, long TimedTicks)
{
    public static CallTotals operator +(CallTotals a, CallTotals b) =>
        new(a.Calls + b.Calls, a.Errors + b.Errors, a.TimedCalls + b.TimedCalls, a.TimedTicks + b.TimedTicks);

    public static CallTotals operator -(CallTotals a, CallTotals b) =>
        new(a.Calls - b.Calls, a.Errors - b.Errors, a.TimedCalls - b.TimedCalls, a.TimedTicks - b.TimedTicks);

    /// <summary>Mean measured latency in milliseconds, 0 when nothing was measured.</summary>
    public double MeanLatencyMs => TimedCalls > 0 ? LatencyBuckets.ToMilliseconds((double)TimedTicks / TimedCalls) : 0;
}

namespace VibeCoder.Runtime.Diagnostics;

/// <summary>The calls of one grain method and the latency histogram of those timed, cumulative (Prometheus style).</summary>
/// <param name="GrainType">The grain type name.</param>
/// <param name="Interface">The grain interface's name.</param>
/// <param name="Method">The method's name.</param>
/// <param name="Calls">All calls finished while profiling ran.</param>
/// <param name="Errors">Calls that failed.</param>
/// <param name="UpperBoundsSeconds">The buckets' inclusive upper bounds, ascending (shared by every method).</param>
/// <param name="CumulativeCounts">Timed calls at or below each bound.</param>
/// <param name="TimedCalls">Calls whose latency was measured (the +Inf bucket): all of them unless a thread finished more than 1,024 in a second.</param>
/// <param name="SumSeconds">The sum of the measured latencies.</param>
public sealed record GrainMethodLatency(
    string GrainType,
    string Interface,
    string Method,
    long Calls,
    long Errors,
    IReadOnlyList<double> UpperBoundsSeconds,
    IReadOnlyList<long> CumulativeCounts,
    long TimedCalls,
    double SumSeconds);

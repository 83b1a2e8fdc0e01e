namespace VibeCoder.Runtime.Diagnostics;

/// <summary>Calls of a method (or a whole grain type) since profiling first ran.</summary>
/// <param name="Calls">Calls finished.</param>
/// <param name="Errors">Calls that ended with an exception.</param>
/// <param name="MeanLatencyMs">Mean latency (turn start to completion) of the timed calls: all of them unless a thread finished more than 1,024 calls in a second.</param>
/// <param name="P99LatencyMs">99th percentile latency of the timed calls (log-linear buckets: within 25 %).</param>
/// <param name="CallsPerSecond">Calls per second in the last sampled second.</param>
public sealed record CallStatistics(long Calls, long Errors, double MeanLatencyMs, double P99LatencyMs, double CallsPerSecond);

namespace VibeCoder.Runtime.Diagnostics;

/// <summary>One second of the silo's life while profiling ran (the dashboard's charts).</summary>
/// <param name="At">The end of the second.</param>
/// <param name="CallsPerSecond">Calls finished in the second, per second.</param>
/// <param name="ErrorsPerSecond">Calls that failed, per second.</param>
/// <param name="MeanLatencyMs">Mean latency of the second's calls (0 when none).</param>
/// <param name="P99LatencyMs">99th percentile latency of the second's calls (0 when none).</param>
/// <param name="CpuPercent">Process CPU in the second, as a share of all cores (0..100).</param>
/// <param name="WorkingSetBytes">Process working set at the end of the second.</param>
/// <param name="Activations">Live activations at the end of the second.</param>
public sealed record CallRateSample(
    DateTimeOffset At,
    double CallsPerSecond,
    double ErrorsPerSecond,
    double MeanLatencyMs,
    double P99LatencyMs,
    double CpuPercent,
    long WorkingSetBytes,
    int Activations);

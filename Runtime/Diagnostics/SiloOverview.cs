namespace VibeCoder.Runtime.Diagnostics;

/// <summary>The silo's headline figures. Call figures cover the last minute of profiling (zero while it is off).</summary>
/// <param name="SiloName">The silo's name.</param>
/// <param name="StartedAt">When the silo started.</param>
/// <param name="UptimeSeconds">Seconds since <paramref name="StartedAt"/>.</param>
/// <param name="Profiling">Whether calls are being profiled now.</param>
/// <param name="Activations">Live activations of all types.</param>
/// <param name="QueuedRequests">Requests waiting in mailboxes, all activations together.</param>
/// <param name="Reminders">Reminders this silo keeps armed.</param>
/// <param name="CallsPerSecond">Finished grain calls per second over the window.</param>
/// <param name="ErrorRate">Failed calls / all calls over the window (0..1).</param>
/// <param name="MeanLatencyMs">Mean call latency (turn start to completion) over the window.</param>
/// <param name="P99LatencyMs">99th percentile call latency over the window.</param>
/// <param name="CpuPercent">Process CPU over the last sampled second, as a share of all cores (0..100).</param>
/// <param name="WorkingSetBytes">Process working set.</param>
/// <param name="GcHeapBytes">Managed heap size after the last collection.</param>
/// <param name="ProcessorCount">Cores available to the process.</param>
/// <param name="ActivationsByType">Live activations per grain type, most first.</param>
public sealed record SiloOverview(
    string SiloName,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    bool Profiling,
    int Activations,
    int QueuedRequests,
    int Reminders,
    double CallsPerSecond,
    double ErrorRate,
    double MeanLatencyMs,
    double P99LatencyMs,
    double CpuPercent,
    long WorkingSetBytes,
    long GcHeapBytes,
    int ProcessorCount,
    IReadOnlyList<GrainTypeActivations> ActivationsByType);

namespace VibeCoder.Runtime.Diagnostics;

/// <summary>
/// What the silo in this process is doing: activations, call statistics, reminders and persisted state. The
/// dashboard, <c>/metrics</c> and tests read it; nothing here changes a grain.
/// </summary>
/// <remarks>
/// Call statistics come from a profiler that rides on every finished grain request. It runs only while someone
/// looks: <see cref="KeepProfiling"/> switches it on (the dashboard API and the metrics endpoint call it on every
/// request) and it switches itself off when nobody called that for <see cref="SiloDiagnosticsOptions.ProfilingIdleTimeout"/>.
/// While it is off, grain calls pay one null check and the statistics stand still. Activation counts, queue
/// lengths, reminders and state are read on demand and are always current.
/// </remarks>
public interface ISiloDiagnostics
{
    /// <summary>The silo's name (<see cref="Hosting.SiloOptions.SiloName"/>).</summary>
    string SiloName { get; }

    /// <summary>When the silo started serving calls (or when diagnostics were created, if it has not yet).</summary>
    DateTimeOffset StartedAt { get; }

    /// <summary>Whether grain calls are being profiled right now.</summary>
    bool IsProfiling { get; }

    /// <summary>Someone is looking: switches call profiling on (if it was off) and keeps it on for the idle timeout.</summary>
    void KeepProfiling();

    /// <summary>The headline figures: activations, calls/s, error rate and latency over the last minute, process load.</summary>
    SiloOverview GetOverview();

    /// <summary>One sample per second while profiling ran, oldest first, covering at most <paramref name="window"/>.</summary>
    IReadOnlyList<CallRateSample> GetHistory(TimeSpan window);

    /// <summary>Every hosted grain type with its activations and its call statistics per method, busiest first.</summary>
    IReadOnlyList<GrainTypeStatistics> GetGrainTypes();

    /// <summary>Live activations of one grain type, ordered by key, paged.</summary>
    /// <param name="grainType">The grain type name (e.g. <c>counter</c>).</param>
    /// <param name="offset">How many to skip.</param>
    /// <param name="limit">How many to return at most.</param>
    ActiveGrainsPage GetActiveGrains(string grainType, int offset, int limit);

    /// <summary>The reminders this silo keeps armed, soonest first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<ReminderInfo> GetReminders(int limit);

    /// <summary>Call latency per grain method as cumulative histograms (for Prometheus), since profiling first ran.</summary>
    IReadOnlyList<GrainMethodLatency> GetLatencyHistograms();

    /// <summary>
    /// Reads every <c>[PersistentState]</c> of the grain's class from its storage provider, as stored (the last
    /// write, not unsaved changes of a live activation). Null when no hosted grain class has that type name.
    /// </summary>
    Task<GrainStateView?> ReadStateAsync(GrainId grainId, CancellationToken cancellationToken);
}

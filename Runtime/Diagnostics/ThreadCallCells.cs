namespace VibeCoder.Runtime.Diagnostics;

/// <summary>
/// One thread's counters for one grain method. Only <see cref="Owner"/> writes them, with plain increments (no
/// atomic operations: a single writer loses nothing); readers sum them with <see cref="Volatile"/> reads, which
/// are atomic for 64-bit values, and may see a call a moment late.
/// </summary>
internal sealed class ThreadCallCells(Thread? owner)
{
    /// <summary>The writing thread; null for the aggregate of threads that ended.</summary>
    public readonly Thread? Owner = owner;

    /// <summary>Finished calls.</summary>
    public long Calls;

    /// <summary>Calls that ended with an exception.</summary>
    public long Errors;

    /// <summary>Calls whose latency was measured (see <see cref="GrainRuntime.ShouldTimeRequest"/>).</summary>
    public long TimedCalls;

    /// <summary>The measured latencies, summed, in stopwatch ticks.</summary>
    public long TimedTicks;

    /// <summary>The measured latencies in <see cref="LatencyBuckets"/>; allocated with the first measurement.</summary>
    public long[]? Buckets;
}

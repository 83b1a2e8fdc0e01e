namespace VibeCoder.Runtime.Diagnostics;

/// <summary>
/// The counters of one grain method: one <see cref="ThreadCallCells"/> per thread that finished a call of it, so
/// the hot path writes only to memory its own thread owns.
/// </summary>
/// <remarks>
/// Locking: the lock guards the set of cells (a thread registering its first call, the sampler folding the cells
/// of threads that ended into <c>_retired</c>) and readers summing them, so a fold never makes a call count twice
/// or vanish. Grain calls never take it after their thread's first call of the method.
/// </remarks>
internal sealed class MethodCallStats(string grainType, string interfaceName, string method)
{
    private readonly Lock _lock = new();
    private readonly ThreadCallCells _retired = new(null);
    private ThreadCallCells[] _live = [];

    public string GrainType { get; } = grainType;

    public string Interface { get; } = interfaceName;

    public string Method { get; } = method;

    /// <summary>Cumulative calls at the sampler's previous tick (sampler thread only).</summary>
    public long PreviousCalls { get; set; }

    /// <summary>Calls per second measured by the sampler's last tick.</summary>
    public double CallsPerSecond { get; set; }

    /// <summary>Creates the calling thread's cells.</summary>
    public ThreadCallCells Register()
    {
        var cells = new ThreadCallCells(Thread.CurrentThread);
        lock (_lock)
        {
            _live = [.. _live, cells];
        }

        return cells;
    }

    /// <summary>Moves the counts of threads that ended into one aggregate, so thread churn does not grow the set.</summary>
    public void FoldEndedThreads()
    {
        lock (_lock)
        {
            if (_live.All(c => c.Owner!.IsAlive))
            {
                return;
            }

            foreach (var ended in _live.Where(c => !c.Owner!.IsAlive))
            {
                Add(ended, _retired);
            }

            _live = _live.Where(c => c.Owner!.IsAlive).ToArray();
        }
    }

    /// <summary>This method's totals; the histogram is added bucket by bucket into <paramref name="buckets"/>.</summary>
    public CallTotals AddTo(Span<long> buckets)
    {
        lock (_lock)
        {
            var totals = Read(_retired, buckets);
            foreach (var cells in _live)
            {
                totals += Read(cells, buckets);
            }

            return totals;
        }
    }

    private static CallTotals Read(ThreadCallCells cells, Span<long> buckets)
    {
        if (Volatile.Read(ref cells.Buckets) is { } histogram)
        {
            for (var i = 0; i < LatencyBuckets.Count; i++)
            {
                buckets[i] += Volatile.Read(ref histogram[i]);
            }
        }

        return new CallTotals(
            Volatile.Read(ref cells.Calls), Volatile.Read(ref cells.Errors), Volatile.Read(ref cells.TimedCalls), Volatile.Read(ref cells.TimedTicks));
    }

    private static void Add(ThreadCallCells from, ThreadCallCells into)
    {
        into.Calls += from.Calls;
        into.Errors += from.Errors;
        into.TimedCalls += from.TimedCalls;
        into.TimedTicks += from.TimedTicks;
        if (from.Buckets is { } histogram)
        {
            into.Buckets ??= new long[LatencyBuckets.Count];
            for (var i = 0; i < LatencyBuckets.Count; i++)
            {
                into.Buckets[i] += histogram[i];
            }
        }
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCoder.Runtime.Activation;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Runtime.Diagnostics;

/// <summary>
/// The runtime's <see cref="ISiloDiagnostics"/>: owns the call profiler, switches it on when someone looks and
/// off after the idle timeout, and samples it once a second into the history while it runs.
/// </summary>
/// <remarks>
/// Locking: <c>_switchLock</c> decides on/off (installing or removing the runtime's on-demand observer and the
/// sampling timer together); <c>_sampleLock</c> guards the history and the sampler's running totals, so API
/// reads never see a half-written second. Grain calls take neither lock.
/// </remarks>
internal sealed partial class SiloDiagnostics : ISiloDiagnostics, IDisposable
{
    /// <summary>The Prometheus bucket bounds: powers of two of Stopwatch ticks from about 1 µs to about a minute.</summary>
    private static readonly Lazy<(int[] Exponents, double[] Seconds)> PrometheusBounds = new(() =>
    {
        var first = (int)Math.Ceiling(Math.Log2(Stopwatch.Frequency / 1_000_000.0));
        var last = (int)Math.Ceiling(Math.Log2(Stopwatch.Frequency * 60.0));
        var exponents = Enumerable.Range(Math.Max(first, 2), last - Math.Max(first, 2) + 1).ToArray();
        var seconds = exponents.Select(e => (Math.Pow(2, e) - 1) / Stopwatch.Frequency).ToArray();
        return (exponents, seconds);
    });

    private readonly GrainRuntime _runtime;
    private readonly SiloDiagnosticsOptions _options;
    private readonly TimeProvider _time;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly GrainCallProfiler _profiler;
    private readonly CallHistory _history;
    private readonly RuntimeMetrics _metrics;
    private readonly DateTimeOffset _createdAt;
    private readonly Lock _switchLock = new();
    private readonly Lock _sampleLock = new();
    private readonly long[] _totals = new long[LatencyBuckets.Count];
    private readonly long[] _previousTotals = new long[LatencyBuckets.Count];
    private readonly long[] _delta = new long[LatencyBuckets.Count];
    private long _lastLook;
    private ITimer? _sampler;
    private bool _disposed;
    private CallTotals _previous;
    private long _previousSampleAt;
    private TimeSpan _previousCpu;
    private double _lastCpuPercent;

    public SiloDiagnostics(
        GrainRuntime runtime,
        IOptions<SiloDiagnosticsOptions> options,
        TimeProvider time,
        IServiceProvider services,
        ILogger<SiloDiagnostics> logger)
    {
        _runtime = runtime;
        _options = options.Value;
        _time = time;
        _services = services;
        _logger = logger;
        _profiler = new GrainCallProfiler(runtime);
        _history = new CallHistory(_options.HistorySeconds);
        _createdAt = time.GetUtcNow();
        _metrics = new RuntimeMetrics(this, services.GetService<IMeterFactory>());
    }

    public string SiloName => _runtime.Options.SiloName;

    public DateTimeOffset StartedAt => _runtime.StartedAt ?? _createdAt;

    public bool IsProfiling => Volatile.Read(ref _sampler) is not null;

    /// <summary>The profiler (benchmarks drive it directly).</summary>
    internal GrainCallProfiler Profiler => _profiler;

    /// <summary>Reminders armed now.</summary>
    internal int ReminderCount => _runtime.Reminders.Count;

    public void KeepProfiling()
    {
        Volatile.Write(ref _lastLook, _time.GetTimestamp());
        if (Volatile.Read(ref _sampler) is not null)
        {
            return;
        }

        lock (_switchLock)
        {
            if (_sampler is not null || _disposed)
            {
                return;
            }

            lock (_sampleLock)
            {
                // Rates are measured from now: the time profiling was off must not dilute the first second.
                _previousSampleAt = _time.GetTimestamp();
                _previousCpu = Environment.CpuUsage.TotalTime;
            }

            _runtime.SetOnDemandCallObserver(_profiler);
            Volatile.Write(ref _sampler, _time.CreateTimer(static state => ((SiloDiagnostics)state!).Tick(), this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
            Log.ProfilingStarted(_logger, _options.ProfilingIdleTimeout);
        }
    }

    /// <summary>Switches profiling off now (the idle timeout does this by itself; benchmarks call it directly).</summary>
    internal void StopProfiling()
    {
        lock (_switchLock)
        {
            StopProfilingLocked();
        }
    }

    private void StopProfilingLocked()
    {
        if (_sampler is null)
        {
            return;
        }

        _runtime.SetOnDemandCallObserver(null);
        _sampler.Dispose();
        Volatile.Write(ref _sampler, null);
        Log.ProfilingStopped(_logger);
    }

    public SiloOverview GetOverview()
    {
        var census = Census();
        Span<long> histogram = stackalloc long[LatencyBuckets.Count];
        CallTotals window;
        double seconds;
        CallRateSample? last;
        double cpu;
        lock (_sampleLock)
        {
            (window, seconds) = _history.Window(histogram);
            last = _history.Last;
            cpu = _lastCpuPercent;
        }

        var startedAt = StartedAt;
        return new SiloOverview(
            SiloName,
            startedAt,
            Math.Max(0, (_time.GetUtcNow() - startedAt).TotalSeconds),
            IsProfiling,
            census.Activations,
            census.QueuedRequests,
            ReminderCount,
            seconds > 0 ? window.Calls / seconds : 0,
            window.Calls > 0 ? (double)window.Errors / window.Calls : 0,
            window.MeanLatencyMs,
            LatencyBuckets.PercentileMs(histogram, 99),
            cpu,
            last?.WorkingSetBytes ?? Environment.WorkingSet,
            GC.GetGCMemoryInfo().HeapSizeBytes,
            Environment.ProcessorCount,
            census.ByType);
    }

    public IReadOnlyList<CallRateSample> GetHistory(TimeSpan window)
    {
        lock (_sampleLock)
        {
            return _history.Latest((int)Math.Ceiling(window.TotalSeconds));
        }
    }

    public IReadOnlyList<GrainTypeStatistics> GetGrainTypes()
    {
        var census = Census().ByType.ToDictionary(t => t.GrainType, StringComparer.Ordinal);
        var methodsByType = _profiler.Methods.ToLookup(m => m.GrainType, StringComparer.Ordinal);
        var result = new List<GrainTypeStatistics>();
        Span<long> typeHistogram = stackalloc long[LatencyBuckets.Count];
        Span<long> methodHistogram = stackalloc long[LatencyBuckets.Count];
        foreach (var grainClass in _runtime.GrainClasses)
        {
            typeHistogram.Clear();
            var typeTotals = default(CallTotals);
            double typeRate = 0;
            var methods = new List<GrainMethodStatistics>();
            foreach (var method in methodsByType[grainClass.TypeName])
            {
                methodHistogram.Clear();
                var totals = method.AddTo(methodHistogram);
                for (var i = 0; i < LatencyBuckets.Count; i++)
                {
                    typeHistogram[i] += methodHistogram[i];
                }

                typeTotals += totals;
                typeRate += method.CallsPerSecond;
                methods.Add(new GrainMethodStatistics(method.Interface, method.Method, Statistics(methodHistogram, totals, method.CallsPerSecond)));
            }

            census.TryGetValue(grainClass.TypeName, out var counts);
            result.Add(new GrainTypeStatistics(
                grainClass.TypeName,
                grainClass.GrainClass.FullName ?? grainClass.GrainClass.Name,
                counts?.Activations ?? 0,
                counts?.QueuedRequests ?? 0,
                Statistics(typeHistogram, typeTotals, typeRate),
                methods.OrderByDescending(m => m.Calls.Calls).ThenBy(m => m.Method, StringComparer.Ordinal).ToArray()));
        }

        return result
            .OrderByDescending(t => t.Calls.Calls)
            .ThenByDescending(t => t.Activations)
            .ThenBy(t => t.GrainType, StringComparer.Ordinal)
            .ToArray();
    }

    public ActiveGrainsPage GetActiveGrains(string grainType, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(grainType);
        offset = Math.Max(0, offset);
        limit = Math.Clamp(limit, 0, 1000);
        var now = Environment.TickCount64;
        var matching = _runtime.Directory.All
            .Where(a => a.State != ActivationState.Invalid && string.Equals(a.GrainId.Type, grainType, StringComparison.Ordinal))
            .ToList();
        var page = matching
            .OrderBy(a => a.GrainId.Key, StringComparer.Ordinal)
            .Skip(offset)
            .Take(limit)
            .Select(a => new ActiveGrain(
                a.GrainId.ToString(),
                a.GrainId.Key,
                a.State.ToString(),
                a.RunningCount,
                a.QueueLength,
                Math.Max(0, now - a.LastActivityMs) / 1000.0))
            .ToArray();
        return new ActiveGrainsPage(grainType, matching.Count, offset, page);
    }

    public IReadOnlyList<ReminderInfo> GetReminders(int limit)
    {
        var now = _time.GetUtcNow();
        return _runtime.Reminders.Snapshot()
            .Select(r => new ReminderInfo(r.GrainId.ToString(), r.Name, r.StartAt, r.Period.TotalSeconds, NextDue(r.StartAt, r.Period, now)))
            .OrderBy(r => r.NextDueAt)
            .ThenBy(r => r.GrainId, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))
            .ToArray();
    }

    public IReadOnlyList<GrainMethodLatency> GetLatencyHistograms()
    {
        var bounds = PrometheusBounds.Value;
        var result = new List<GrainMethodLatency>();
        Span<long> histogram = stackalloc long[LatencyBuckets.Count];
        foreach (var method in _profiler.Methods)
        {
            histogram.Clear();
            var totals = method.AddTo(histogram);
            var cumulative = new long[bounds.Exponents.Length];
            long running = 0;
            var bucket = 0;
            for (var i = 0; i < bounds.Exponents.Length; i++)
            {
                // Every bucket below index (e << 2) holds durations under 2^e ticks, i.e. at most 2^e - 1.
                var end = bounds.Exponents[i] << 2;
                for (; bucket < end; bucket++)
                {
                    running += histogram[bucket];
                }

                cumulative[i] = running;
            }

            result.Add(new GrainMethodLatency(
                method.GrainType,
                method.Interface,
                method.Method,
                totals.Calls,
                totals.Errors,
                bounds.Seconds,
                cumulative,
                totals.TimedCalls,
                totals.TimedTicks / (double)Stopwatch.Frequency));
        }

        return result
            .OrderBy(m => m.GrainType, StringComparer.Ordinal)
            .ThenBy(m => m.Interface, StringComparer.Ordinal)
            .ThenBy(m => m.Method, StringComparer.Ordinal)
            .ToArray();
    }

    public async Task<GrainStateView?> ReadStateAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var grainClass = _runtime.FindClass(grainId.Type);
        if (grainClass is null)
        {
            return null;
        }

        var states = new List<PersistedStateView>();
        foreach (var descriptor in PersistentStateDescriptor.For(grainClass.GrainClass))
        {
            states.Add(await ReadOneStateAsync(grainId, descriptor, cancellationToken));
        }

        var isActive = _runtime.Directory.TryGet(grainId, out var activation) && activation!.State != ActivationState.Invalid;
        return new GrainStateView(grainId.ToString(), grainClass.GrainClass.FullName ?? grainClass.GrainClass.Name, isActive, states);
    }

    /// <summary>Counts the live activations now (one pass over the directory; no grain code runs).</summary>
    internal ActivationCensus Census() => ActivationCensus.Take(_runtime);

    public void Dispose()
    {
        lock (_switchLock)
        {
            _disposed = true;
            _sampler?.Dispose();
            Volatile.Write(ref _sampler, null);
            _runtime.SetOnDemandCallObserver(null);
        }

        _metrics.Dispose();
    }

    private async Task<PersistedStateView> ReadOneStateAsync(GrainId grainId, PersistentStateDescriptor descriptor, CancellationToken cancellationToken)
    {
        var stateType = descriptor.StateType.FullName ?? descriptor.StateType.Name;
        var storage = _services.GetKeyedService<IGrainStorage>(descriptor.StorageName);
        if (storage is null)
        {
            return new PersistedStateView(descriptor.StateName, descriptor.StorageName, stateType, false, null, null,
                $"No grain storage named '{descriptor.StorageName}' is registered.");
        }

        // Read as JSON: the providers deserialize the stored payload with the runtime's options, and any payload
        // is a valid JsonElement, so the viewer needs neither the state type nor a raw-read path.
        var holder = new GrainState<JsonElement>(default);
        try
        {
            await storage.ReadStateAsync(descriptor.StateName, grainId, holder, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.StateReadFailed(_logger, grainId, descriptor.StateName, exception);
            return new PersistedStateView(descriptor.StateName, descriptor.StorageName, stateType, false, null, null, exception.Message);
        }

        return new PersistedStateView(
            descriptor.StateName,
            descriptor.StorageName,
            stateType,
            holder.RecordExists,
            holder.ETag,
            holder.RecordExists ? holder.State : null,
            null);
    }

    private static CallStatistics Statistics(ReadOnlySpan<long> histogram, CallTotals totals, double callsPerSecond) =>
        new(totals.Calls, totals.Errors, totals.MeanLatencyMs, LatencyBuckets.PercentileMs(histogram, 99), Math.Round(callsPerSecond, 1));

    private static DateTimeOffset NextDue(DateTimeOffset startAt, TimeSpan period, DateTimeOffset now)
    {
        if (startAt >= now || period <= TimeSpan.Zero)
        {
            return startAt;
        }

        var periods = Math.Ceiling((now - startAt) / period);
        return startAt + (period * periods);
    }

    private void Tick()
    {
        try
        {
            Sample();
        }
        catch (Exception exception)
        {
            // A timer callback must not throw; a failed sample only leaves a gap in the charts.
            Log.SampleFailed(_logger, exception);
        }

        // Decided under the switch lock so a look arriving now either keeps profiling on or starts it anew.
        lock (_switchLock)
        {
            if (_sampler is not null && _time.GetElapsedTime(Volatile.Read(ref _lastLook)) > _options.ProfilingIdleTimeout)
            {
                StopProfilingLocked();
            }
        }
    }

    private void Sample()
    {
        lock (_sampleLock)
        {
            var now = _time.GetTimestamp();
            var seconds = _time.GetElapsedTime(_previousSampleAt, now).TotalSeconds;
            if (seconds <= 0)
            {
                return;
            }

            Array.Clear(_totals);
            _profiler.FoldEndedThreads();
            var totals = default(CallTotals);
            foreach (var method in _profiler.Methods)
            {
                var methodTotals = method.AddTo(_totals);
                method.CallsPerSecond = (methodTotals.Calls - method.PreviousCalls) / seconds;
                method.PreviousCalls = methodTotals.Calls;
                totals += methodTotals;
            }

            for (var i = 0; i < LatencyBuckets.Count; i++)
            {
                _delta[i] = _totals[i] - _previousTotals[i];
            }

            var cpu = Environment.CpuUsage.TotalTime;
            _lastCpuPercent = Math.Clamp((cpu - _previousCpu).TotalSeconds / (seconds * Environment.ProcessorCount) * 100, 0, 100);
            var delta = totals - _previous;
            var sample = new CallRateSample(
                _time.GetUtcNow(),
                Math.Round(delta.Calls / seconds, 1),
                Math.Round(delta.Errors / seconds, 2),
                delta.MeanLatencyMs,
                LatencyBuckets.PercentileMs(_delta, 99),
                Math.Round(_lastCpuPercent, 1),
                Environment.WorkingSet,
                _runtime.Directory.Count);
            _history.Add(sample, _delta, delta, seconds);

            Array.Copy(_totals, _previousTotals, LatencyBuckets.Count);
            _previous = totals;
            _previousSampleAt = now;
            _previousCpu = cpu;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Grain call profiling started; it stops after {IdleTimeout} without a look")]
        public static partial void ProfilingStarted(ILogger logger, TimeSpan idleTimeout);

        [LoggerMessage(2, LogLevel.Information, "Grain call profiling stopped: nobody looked")]
        public static partial void ProfilingStopped(ILogger logger);

        [LoggerMessage(3, LogLevel.Warning, "Diagnostics sample failed")]
        public static partial void SampleFailed(ILogger logger, Exception exception);

        [LoggerMessage(4, LogLevel.Warning, "Reading state {StateName} of grain {GrainId} for the dashboard failed")]
        public static partial void StateReadFailed(ILogger logger, GrainId grainId, string stateName, Exception exception);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCoder.Runtime.Activation;
using VibeCoder.Runtime.Diagnostics;
using VibeCoder.Runtime.Filters;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Invocation;
using VibeCoder.Runtime.Reminders;
using VibeCoder.Runtime.Serialization;

namespace VibeCoder.Runtime;

/// <summary>
/// The silo's runtime: the grain class catalog, the activation directory, call dispatch, the timeout and
/// idle sweeper. One per host. Everything a call touches on its way is read-only after start, except the
/// directory (a concurrent dictionary) and the activations' own mailboxes.
/// </summary>
internal sealed partial class GrainRuntime : IAsyncDisposable
{
    private readonly Dictionary<string, GrainClassInfo> _classesByTypeName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, GrainClassInfo> _classesByInterface = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _stopLock = new();
    private Task? _stop;
    private readonly long _callTimeoutMs;
    private Task? _sweeper;
    private long _coarseNowMs = Environment.TickCount64;
    /// <summary>Requests timed per thread and coarse-clock tick while calls are observed (see <see cref="ShouldTimeRequest"/>).</summary>
    public const int TimedRequestsPerTick = 1024;

    [ThreadStatic]
    private static long t_timingTickMs;

    [ThreadStatic]
    private static int t_timedThisTick;

    private readonly IGrainCallObserver? _registeredObserver;
    private readonly Lock _observerLock = new();
    private IGrainCallObserver? _callObserver;
    private volatile bool _active;
    private volatile bool _stopped;

    public GrainRuntime(
        IServiceProvider services,
        IOptions<SiloOptions> options,
        IOptions<GrainClassCatalog> catalog,
        IEnumerable<IIncomingGrainCallFilter> incomingFilters,
        IEnumerable<IOutgoingGrainCallFilter> outgoingFilters,
        IEnumerable<IGrainCallObserverRegistration> observers,
        ILogger<GrainRuntime> logger)
    {
        Services = services;
        Options = options.Value;
        Logger = logger;
        _callTimeoutMs = (long)Options.CallTimeout.TotalMilliseconds;
        IncomingFilters = incomingFilters.ToArray();
        OutgoingFilters = outgoingFilters.ToArray();
        var observerList = observers.Select(o => o.Observer).ToArray();
        _registeredObserver = observerList.Length switch
        {
            0 => null,
            1 => observerList[0],
            _ => new CompositeCallObserver(observerList),
        };
        _callObserver = _registeredObserver;
        Factory = new GrainFactory(this);
        JsonOptions = CreateJsonOptions(Factory);
        foreach (var grainClass in catalog.Value.GrainClasses.Distinct())
        {
            AddGrainClass(GrainClassInfo.Create(grainClass));
        }
    }

    public IServiceProvider Services { get; }

    public SiloOptions Options { get; }

    public ILogger Logger { get; }

    public GrainFactory Factory { get; }

    public JsonSerializerOptions JsonOptions { get; }

    public ActivationDirectory Directory { get; } = new();

    public IIncomingGrainCallFilter[] IncomingFilters { get; }

    public IOutgoingGrainCallFilter[] OutgoingFilters { get; }

    /// <summary>
    /// The observer of finished requests: the registered ones plus the on-demand one (the dashboard's profiler)
    /// while it is switched on; null when there is none, so the hot path pays one null check.
    /// </summary>
    public IGrainCallObserver? CallObserver => _callObserver;

    /// <summary>When <see cref="Start"/> completed; null before.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    public ReminderService Reminders => field ??= Services.GetRequiredService<ReminderService>();

    /// <summary>
    /// <see cref="Environment.TickCount64"/> as of the sweeper's last tick: cheap enough to read on every call.
    /// It lags by at most one sweep period (a quarter of the call timeout, at most a second), so a call times out
    /// between <see cref="SiloOptions.CallTimeout"/> and 1.25× that.
    /// </summary>
    public long CoarseNowMs => Volatile.Read(ref _coarseNowMs);

    /// <summary>True between a completed start and the beginning of shutdown.</summary>
    public bool IsActive => _active;

    public IReadOnlyCollection<GrainClassInfo> GrainClasses => _classesByTypeName.Values;

    public static JsonSerializerOptions CreateJsonOptions(IGrainFactory factory)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
            Converters = { new GrainReferenceJsonConverterFactory(factory), new JsonStringEnumConverter() },
        };
        options.MakeReadOnly();
        return options;
    }

    public GrainClassInfo ClassForInterface(Type grainInterface) =>
        _classesByInterface.TryGetValue(grainInterface, out var info)
            ? info
            : throw new InvalidOperationException(
                $"No grain class implements {grainInterface.FullName}; register its assembly with AddGrains.");

    public GrainClassInfo ClassForTypeName(string typeName) =>
        _classesByTypeName.TryGetValue(typeName, out var info)
            ? info
            : throw new InvalidOperationException($"No grain class has the grain type name '{typeName}'.");

    public void Start()
    {
        ContractValidator.Validate(_classesByInterface.Keys, JsonOptions);
        _sweeper = Task.Run(() => SweepAsync(_stopping.Token));
        _active = true;
        StartedAt = DateTimeOffset.UtcNow;
        Log.SiloStarted(Logger, Options.SiloName, _classesByTypeName.Count);
    }

    /// <summary>Sends a request through a reference and returns the caller's task.</summary>
    public Task<TResult> SendAsync<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        var task = request.TypedTask;
        request.TargetId = target.GrainId;
        request.DeadlineMs = CoarseNowMs + _callTimeoutMs;
        var caller = ActivationData.Current;
        if (caller is not null)
        {
            request.ChainId = caller.CurrentChainId();
        }

        if (OutgoingFilters.Length != 0)
        {
            return OutgoingGrainCallContext<TResult>.InvokeAsync(target, request, caller?.GrainId, OutgoingFilters);
        }

        Dispatch(target, request);
        return task;
    }

    /// <summary>Puts a request in its target activation's mailbox, activating the grain if needed.</summary>
    public void Dispatch<TResult>(GrainReference target, GrainRequest<TResult> request)
    {
        if (_stopped)
        {
            request.TryFail(new InvalidOperationException($"The silo has stopped; the call to {target} was not sent."));
            return;
        }

        // Captured here, at the end of the outgoing filter chain, so values the filters set travel too.
        request.Context = RequestContext.Export();
        if (Options.SerializeCalls)
        {
            GrainRequest<TResult> copy;
            try
            {
                copy = CallSerializer.CopyRequest(request, JsonOptions);
            }
            catch (Exception exception)
            {
                request.TryFail(exception);
                return;
            }

            copy.ReplyTo = request;
            request = copy;
        }

        var activation = target.CachedActivation;
        if (activation is null || activation.State == ActivationState.Invalid)
        {
            activation = Directory.GetOrCreate(this, target.GrainId, ClassForTypeName(target.GrainId.Type));
            target.CachedActivation = activation;
        }

        activation.Enqueue(request);
    }

    /// <summary>Delivers a request by identity (forwarding, reminders, streams).</summary>
    public void Route(GrainRequest request)
    {
        if (_stopped)
        {
            request.TryFail(new InvalidOperationException($"The silo has stopped; the request to {request.TargetId} was dropped."));
            return;
        }

        GrainClassInfo classInfo;
        try
        {
            classInfo = ClassForTypeName(request.TargetId.Type);
        }
        catch (InvalidOperationException exception)
        {
            request.TryFail(exception);
            return;
        }

        Directory.GetOrCreate(this, request.TargetId, classInfo).Enqueue(request);
    }

    /// <summary>
    /// Runs <paramref name="invoke"/> against grain <paramref name="target"/> as a turn of its activation (activating
    /// it if needed), never interleaved with requests; the task completes when the delegate's task did, or fails
    /// with <see cref="TimeoutException"/> after the call timeout. Used by stream providers to deliver events.
    /// </summary>
    public Task InvokeAsync(GrainId target, string name, Func<object, Task> invoke)
    {
        var request = new DelegateRequest(name, invoke)
        {
            TargetId = target,
            DeadlineMs = CoarseNowMs + _callTimeoutMs,
            Context = RequestContext.Export(),
        };
        var task = request.TypedTask;
        Route(request);
        return task;
    }

    /// <summary>
    /// Whether the request starting (or finishing) now on this thread should be timed: true for the first
    /// <see cref="TimedRequestsPerTick"/> asked for on each thread in each tick of <see cref="CoarseNowMs"/>. Timing
    /// takes a <see cref="System.Diagnostics.Stopwatch"/> timestamp, which costs as much as a whole trivial grain call
    /// on some virtual machines; the budget keeps every call timed at ordinary rates and bounds the cost at extreme ones.
    /// </summary>
    public bool ShouldTimeRequest()
    {
        var now = CoarseNowMs;
        if (t_timingTickMs != now)
        {
            t_timingTickMs = now;
            t_timedThisTick = 0;
        }

        return ++t_timedThisTick <= TimedRequestsPerTick;
    }

    /// <summary>
    /// Installs (or with null removes) the on-demand call observer next to the registered ones. Requests already
    /// running when it is installed have no start timestamp; observers skip them.
    /// </summary>
    public void SetOnDemandCallObserver(IGrainCallObserver? observer)
    {
        lock (_observerLock)
        {
            var combined = (_registeredObserver, observer) switch
            {
                (null, _) => observer,
                (_, null) => _registeredObserver,
                _ => new CompositeCallObserver([_registeredObserver, observer]),
            };
            Volatile.Write(ref _callObserver, combined);
        }
    }

    /// <summary>The grain class hosting a grain type name, or null.</summary>
    public GrainClassInfo? FindClass(string typeName) => _classesByTypeName.GetValueOrDefault(typeName);

    /// <summary>Deactivates every activation (running <c>OnDeactivateAsync</c>) and stops accepting calls.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's hosted-service stop and the container's disposal may both call this, concurrently: the first
        // call does the work and every caller awaits that same work.
        lock (_stopLock)
        {
            return _stop ??= _active ? StopCoreAsync(cancellationToken) : Task.CompletedTask;
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        _active = false;
        _stopped = true;
        var remaining = new List<Task>();
        foreach (var activation in Directory.All)
        {
            remaining.Add(activation.DeactivateForShutdownAsync());
        }

        try
        {
            await Task.WhenAll(remaining).WaitAsync(Options.DeactivationTimeout, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // The host's shutdown budget ran out first: stop anyway, the remaining grains lose nothing durable.
            Log.ShutdownDeactivationTimedOut(Logger, remaining.Count(t => !t.IsCompleted));
        }

        await _stopping.CancelAsync();
        if (_sweeper is not null)
        {
            await _sweeper.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops at once without deactivating anything, as a crash would: no <c>OnDeactivateAsync</c>, no state
    /// written, queued requests fail. Used by tests that prove recovery from the durable record.
    /// </summary>
    public void Abort()
    {
        _active = false;
        _stopped = true;
        _stopping.Cancel();
        foreach (var activation in Directory.All)
        {
            activation.Abort();
        }
    }

    // _stopping has no timer, so it needs no disposal; not disposing it keeps a late Cancel from throwing.
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private void AddGrainClass(GrainClassInfo info)
    {
        if (!_classesByTypeName.TryAdd(info.TypeName, info))
        {
            throw new InvalidOperationException(
                $"Grain classes {_classesByTypeName[info.TypeName].GrainClass.FullName} and {info.GrainClass.FullName} " +
                $"share the grain type name '{info.TypeName}'; give one a [GrainType] name.");
        }

        foreach (var grainInterface in info.Interfaces)
        {
            if (!_classesByInterface.TryAdd(grainInterface, info))
            {
                throw new InvalidOperationException(
                    $"Grain interface {grainInterface.FullName} is implemented by both " +
                    $"{_classesByInterface[grainInterface].GrainClass.FullName} and {info.GrainClass.FullName}.");
            }
        }
    }

    // One loop serves call timeouts (fine-grained) and idle collection (coarse), so the runtime has one
    // background thread of its own whatever the number of activations.
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromMilliseconds(Math.Clamp(Options.CallTimeout.TotalMilliseconds / 4, 10, 1000));
        var collectionAgeMs = (long)Options.CollectionAge.TotalMilliseconds;
        var quantumMs = (long)Options.CollectionQuantum.TotalMilliseconds;
        var nextCollectionMs = Environment.TickCount64 + quantumMs;
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = Environment.TickCount64;
                Volatile.Write(ref _coarseNowMs, now);
                var collect = now >= nextCollectionMs;
                foreach (var activation in Directory.All)
                {
                    activation.SweepExpired(now, Options.CallTimeout);
                    activation.CancelOverdueLifecycleStep(now);
                    if (collect && activation.IsIdleLongerThan(now, collectionAgeMs))
                    {
                        activation.CollectIfIdle(collectionAgeMs);
                    }
                }

                if (collect)
                {
                    nextCollectionMs = now + quantumMs;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
    }

    internal static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Silo {SiloName} started with {GrainClassCount} grain classes")]
        public static partial void SiloStarted(ILogger logger, string siloName, int grainClassCount);

        [LoggerMessage(2, LogLevel.Warning, "Activation of grain {GrainId} failed")]
        public static partial void ActivationFailed(ILogger logger, GrainId grainId, Exception exception);

        [LoggerMessage(3, LogLevel.Warning, "OnDeactivateAsync of grain {GrainId} failed")]
        public static partial void DeactivationFailed(ILogger logger, GrainId grainId, Exception? exception);

        [LoggerMessage(4, LogLevel.Error, "A callback posted by grain {GrainId} threw")]
        public static partial void UnhandledCallbackException(ILogger logger, GrainId grainId, Exception exception);

        [LoggerMessage(5, LogLevel.Warning, "Shutdown gave up waiting for {Count} activations to deactivate")]
        public static partial void ShutdownDeactivationTimedOut(ILogger logger, int count);

        [LoggerMessage(6, LogLevel.Error, "Timer callback of grain {GrainId} threw")]
        public static partial void TimerCallbackFailed(ILogger logger, GrainId grainId, Exception exception);
    }
}

using System.Diagnostics;
using VibeCoder.Runtime.Invocation;
using VibeCoder.Runtime.Timers;

namespace VibeCoder.Runtime.Activation;

/// <summary>
/// One live instance of a grain: its mailbox, its turn scheduler and its lifecycle.
/// </summary>
/// <remarks>
/// <para>Ordering and locking contract:</para>
/// <list type="bullet">
/// <item>Any thread may enqueue a request (<see cref="Enqueue"/>) or a work item (<see cref="EnqueueWorkItem"/>).
/// The queues, the waiting list, the overflow of the running set and the <c>_scheduled</c> flag are guarded by
/// the activation's monitor (the object is internal and never handed out, and locking on it saves an object per
/// activation). A producer that finds the worker unscheduled schedules it; the worker clears the flag under
/// the same lock only when both queues are empty, so no message is ever left without a run to handle it.</item>
/// <item>Only the worker runs grain code and changes the lifecycle state and the running set; at most one
/// worker runs per activation. The timeout sweeper reads under the lock; the only thing it changes is a
/// request's completion, decided by a compare-and-swap in the request, so a request completes exactly once.</item>
/// <item>Work items (continuations of grain code, completions) run before new requests, so a request in
/// progress is never starved by newer ones. A run handles at most <see cref="TurnBudget"/> items, then yields
/// the thread to other activations.</item>
/// <item>Queues and lists are allocated on first use, so an idle activation costs a few hundred bytes.</item>
/// </list>
/// </remarks>
internal sealed class ActivationData : IThreadPoolWorkItem
{
    private const int TurnBudget = 64;

    private static readonly AsyncLocal<GrainRequest?> InterleavedRequest = new();

    private Queue<GrainRequest>? _incoming;
    private Queue<IActivationWorkItem>? _workItems;
    private List<GrainRequest>? _waiting;
    private List<GrainRequest>? _runningRest;
    private bool _scheduled;
    private volatile ActivationState _state;
    private GrainRequest? _running0;
    private int _runningCount;
    private GrainRequest? _bareRequest;
    private bool _deactivateRequested;
    private DeactivationReason _deactivationReason;
    private long _keepAliveUntilMs;
    private List<GrainTimer>? _timers;
    private CancellationTokenSource? _lifecycleCancellation;
    private long _lifecycleDeadlineMs;
    private ActivationSynchronizationContext? _syncContext;
    private TaskCompletionSource? _deactivated;

    public ActivationData(GrainRuntime runtime, GrainId grainId, GrainClassInfo classInfo)
    {
        Runtime = runtime;
        GrainId = grainId;
        ClassInfo = classInfo;
        LastActivityMs = runtime.CoarseNowMs;
    }

    public GrainRuntime Runtime { get; }

    public GrainId GrainId { get; }

    public GrainClassInfo ClassInfo { get; }

    public ActivationSynchronizationContext SyncContext => _syncContext ??= new ActivationSynchronizationContext(this);

    public object? GrainInstance { get; private set; }

    public ActivationState State => _state;

    /// <summary>When the activation last started a request (milliseconds, <see cref="Environment.TickCount64"/>).</summary>
    public long LastActivityMs { get; private set; }

    /// <summary>Requests started and not finished.</summary>
    public int RunningCount => Volatile.Read(ref _runningCount);

    /// <summary>Requests queued and not started.</summary>
    public int QueueLength
    {
        get
        {
            lock (this)
            {
                return (_incoming?.Count ?? 0) + (_waiting?.Count ?? 0);
            }
        }
    }

    /// <summary>The activation whose grain code is running on this thread, or null.</summary>
    public static ActivationData? Current =>
        SynchronizationContext.Current is ActivationSynchronizationContext context ? context.Activation : null;

    /// <summary>Adds a request to the mailbox; may be called from any thread.</summary>
    public void Enqueue(GrainRequest request)
    {
        lock (this)
        {
            (_incoming ??= new Queue<GrainRequest>(4)).Enqueue(request);
            if (_scheduled)
            {
                return;
            }

            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Adds a work item to run in a turn; may be called from any thread.</summary>
    public void EnqueueWorkItem(IActivationWorkItem item)
    {
        lock (this)
        {
            (_workItems ??= new Queue<IActivationWorkItem>(4)).Enqueue(item);
            if (_scheduled)
            {
                return;
            }

            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>The call chain of the request whose code is running now, for an outgoing call (0 = none).</summary>
    public long CurrentChainId() => (InterleavedRequest.Value ?? _bareRequest)?.EnsureChainId() ?? 0;

    /// <summary>Asks for deactivation once no request is running; called in a turn. Orleans: <c>DeactivateOnIdle</c>.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        _deactivateRequested = true;
        _deactivationReason = reason;
    }

    /// <summary>Keeps the activation from idle collection for at least <paramref name="period"/>.</summary>
    public void DelayDeactivation(TimeSpan period) =>
        _keepAliveUntilMs = Environment.TickCount64 + (long)period.TotalMilliseconds;

    /// <summary>Deactivates for silo shutdown; the task completes when the activation is gone.</summary>
    public Task DeactivateForShutdownAsync()
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.CompareExchange(ref _deactivated, signal, null);
        EnqueueWorkItem(new ShutdownItem());
        return _deactivated.Task;
    }

    /// <summary>Silo crash: drop everything without running grain code again.</summary>
    public void Abort()
    {
        _state = ActivationState.Invalid;
        Runtime.Directory.Remove(this);
        lock (this)
        {
            foreach (var timer in _timers?.ToArray() ?? [])
            {
                timer.Dispose();
            }
        }

        foreach (var request in TakeAllQueued())
        {
            request.TryFail(new InvalidOperationException($"The silo hosting {GrainId} was aborted."));
        }

        _running0?.TryFail(new InvalidOperationException($"The silo hosting {GrainId} was aborted."));
        _deactivated?.TrySetResult();
    }

    public void AddTimer(GrainTimer timer) => (_timers ??= []).Add(timer);

    public void RemoveTimer(GrainTimer timer) => _timers?.Remove(timer);

    /// <inheritdoc />
    void IThreadPoolWorkItem.Execute() => RunTurns();
    /// <summary>
    /// Called by a request as it enters grain code: installs the turn's ambient context. Returns whether the
    /// request had to be marked in the async flow (it interleaves with others), which
    /// <see cref="ExitGrainCode"/> must undo.
    /// </summary>
    public bool EnterGrainCode(GrainRequest request)
    {
        SynchronizationContext.SetSynchronizationContext(SyncContext);
        if (request.Context is not null)
        {
            RequestContext.Import(request.Context);
        }

        // The only request in flight is found through _bareRequest at no cost; interleaved ones need the
        // async-local so each continuation knows its own request (for call-chain reentrancy).
        if (_runningCount > 1 || ClassInfo.IsReentrant)
        {
            InterleavedRequest.Value = request;
            return true;
        }

        _bareRequest = request;
        return false;
    }

    /// <summary>Undoes <see cref="EnterGrainCode"/> once the request's synchronous part returned.</summary>
    public void ExitGrainCode(GrainRequest request, bool interleaved)
    {
        SynchronizationContext.SetSynchronizationContext(null);
        if (request.Context is not null)
        {
            RequestContext.Import(null);
        }

        if (interleaved)
        {
            InterleavedRequest.Value = null;
        }
    }

    /// <summary>Runs a posted continuation of grain code inside the activation's context.</summary>
    public void RunGrainCallback(SendOrPostCallback callback, object? state)
    {
        SynchronizationContext.SetSynchronizationContext(SyncContext);
        try
        {
            callback(state);
        }
        catch (Exception exception)
        {
            // Await continuations capture their own exceptions; only async-void style callbacks get here.
            GrainRuntime.Log.UnhandledCallbackException(Runtime.Logger, GrainId, exception);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }
    }

    /// <summary>Called in the turn when a request's method finished (successfully or not).</summary>
    public void OnRequestFinished(GrainRequest request, Exception? exception)
    {
        if (ReferenceEquals(_running0, request))
        {
            _running0 = null;
        }
        else
        {
            lock (this)
            {
                _runningRest?.Remove(request);
            }
        }

        if (ReferenceEquals(_bareRequest, request))
        {
            _bareRequest = null;
        }

        Volatile.Write(ref _runningCount, _runningCount - 1);
        if (!request.IsSystemRequest)
        {
            Runtime.CallObserver?.OnRequestFinished(this, request, exception);
        }
    }

    /// <summary>
    /// Fails requests whose caller stopped waiting. Called by the sweeper thread; see the type's locking contract.
    /// </summary>
    public void SweepExpired(long nowMs, TimeSpan callTimeout)
    {
        lock (this)
        {
            FailExpired(Volatile.Read(ref _running0), nowMs, callTimeout);
            FailExpired(_runningRest, nowMs, callTimeout);
            FailExpired(_waiting, nowMs, callTimeout);
            FailExpired(_incoming, nowMs, callTimeout);
        }
    }

    /// <summary>True when the activation has done nothing for <paramref name="idleMs"/> and may be collected.</summary>
    public bool IsIdleLongerThan(long nowMs, long idleMs)
    {
        if (_state != ActivationState.Valid || Volatile.Read(ref _runningCount) != 0
            || nowMs - LastActivityMs < idleMs || nowMs < _keepAliveUntilMs)
        {
            return false;
        }

        lock (this)
        {
            return !_scheduled && (_incoming?.Count ?? 0) == 0 && (_waiting?.Count ?? 0) == 0;
        }
    }

    /// <summary>Deactivates the activation if it is still idle when its turn comes (sent by the idle collector).</summary>
    public void CollectIfIdle(long idleMs) => EnqueueWorkItem(new CollectIfIdleItem(idleMs));

    private static void FailExpired(GrainRequest? request, long nowMs, TimeSpan timeout)
    {
        if (request is not null && request.DeadlineMs <= nowMs && !request.IsCompleted)
        {
            request.TryFail(CallTimeout(request, timeout));
        }
    }

    private static void FailExpired(IEnumerable<GrainRequest>? requests, long nowMs, TimeSpan timeout)
    {
        if (requests is null)
        {
            return;
        }

        foreach (var request in requests)
        {
            FailExpired(request, nowMs, timeout);
        }
    }

    private static TimeoutException CallTimeout(GrainRequest request, TimeSpan timeout) =>
        new($"Call to {request.InterfaceType.Name}.{request.MethodName} on grain {request.TargetId} " +
            $"timed out after {timeout.TotalSeconds:0.###} s.");

    private void RunTurns()
    {
        var idle = false;
        for (var budget = TurnBudget; budget > 0; budget--)
        {
            IActivationWorkItem? item = null;
            GrainRequest? request = null;
            lock (this)
            {
                if (_workItems is { Count: > 0 } workItems)
                {
                    item = workItems.Dequeue();
                }
                else if (_state == ActivationState.Valid && _runningCount == 0 && !_deactivateRequested
                    && (_waiting?.Count ?? 0) == 0 && _incoming is { Count: > 0 } incoming)
                {
                    // The common case, decided under the same lock: nothing running or waiting, take the next message.
                    request = incoming.Dequeue();
                }
            }

            if (item is not null)
            {
                item.Execute(this);
                continue;
            }

            if (request is not null)
            {
                if (!request.IsCompleted)
                {
                    StartRequest(request);
                }

                continue;
            }

            if (!TryStartNext())
            {
                idle = true;
                break;
            }
        }

        if (idle)
        {
            lock (this)
            {
                // Nothing could start. Go idle unless something arrived meanwhile; the re-check under the lock
                // is what guarantees a message enqueued during this run is not stranded. Waiting requests need
                // no run now: what unblocks them (a completion) arrives as a work item and schedules one.
                if ((_workItems?.Count ?? 0) == 0 && (_incoming?.Count ?? 0) == 0)
                {
                    _scheduled = false;
                    return;
                }
            }
        }

        // Out of budget (or more arrived): stay scheduled, but let other activations have the thread first.
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private bool TryStartNext()
    {
        switch (_state)
        {
            case ActivationState.Created:
                lock (this)
                {
                    if ((_incoming?.Count ?? 0) == 0)
                    {
                        return false;
                    }
                }

                BeginActivation();
                return true;

            case ActivationState.Valid:
                return TryStartNextRequest();

            case ActivationState.Invalid:
                ForwardAll();
                return false;

            default:
                // Activating or deactivating: requests wait until the lifecycle step completes.
                MoveIncomingToWaiting();
                return false;
        }
    }

    private bool TryStartNextRequest()
    {
        if (_deactivateRequested && _runningCount == 0)
        {
            BeginDeactivation(_deactivationReason);
            return true;
        }

        GrainRequest? next = null;
        lock (this)
        {
            if (_runningCount == 0 && (_waiting?.Count ?? 0) == 0)
            {
                // Fast path: nothing running, nothing waiting — take the next message as it comes.
                if (_incoming is not { Count: > 0 } incoming)
                {
                    return false;
                }

                next = incoming.Dequeue();
            }
            else
            {
                next = TakeAdmissibleLocked();
                if (next is null)
                {
                    return false;
                }
            }
        }

        if (!next.IsCompleted)
        {
            StartRequest(next);
        }

        return true;
    }

    private GrainRequest? TakeAdmissibleLocked()
    {
        MoveIncomingToWaitingLocked();
        var waiting = _waiting!;

        // FIFO, except that a request allowed to interleave may pass requests that must wait.
        for (var i = 0; i < waiting.Count; i++)
        {
            var candidate = waiting[i];
            if (candidate.IsCompleted)
            {
                waiting.RemoveAt(i--);
                continue;
            }

            if (CanStart(candidate))
            {
                waiting.RemoveAt(i);
                return candidate;
            }
        }

        return null;
    }

    private bool CanStart(GrainRequest request)
    {
        if (_runningCount == 0)
        {
            return true;
        }

        if (request.ChainId != 0 && AnyRunning(static (running, chainId) => running.ChainId == chainId, request.ChainId))
        {
            return true; // call-chain reentrancy: A → B → A
        }

        if ((request.Flags & GrainRequestFlags.AlwaysInterleave) != 0)
        {
            return true; // as in Orleans: interleaves with everything, ticks included
        }

        if (request.IsSystemRequest || AnyRunning(static (running, _) => running.IsSystemRequest, 0))
        {
            return false; // timer and reminder ticks never overlap other requests
        }

        if (ClassInfo.IsReentrant)
        {
            return true;
        }

        return (request.Flags & GrainRequestFlags.ReadOnly) != 0
            && !AnyRunning(static (running, _) => (running.Flags & GrainRequestFlags.ReadOnly) == 0, 0);
    }

    private bool AnyRunning(Func<GrainRequest, long, bool> predicate, long argument)
    {
        if (_running0 is { } first && predicate(first, argument))
        {
            return true;
        }

        if (_runningRest is { } rest)
        {
            foreach (var running in rest)
            {
                if (predicate(running, argument))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void StartRequest(GrainRequest request)
    {
        if (_running0 is null)
        {
            _running0 = request;
        }
        else
        {
            lock (this)
            {
                (_runningRest ??= []).Add(request);
            }
        }

        Volatile.Write(ref _runningCount, _runningCount + 1);
        LastActivityMs = Runtime.CoarseNowMs;
        // Timestamps cost tens of nanoseconds on some virtual clocks: at extreme rates latency is sampled
        // (counts stay exact), see GrainRuntime.ShouldTimeRequest.
        if (Runtime.CallObserver is not null && Runtime.ShouldTimeRequest())
        {
            request.StartTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
        }

        request.Start(this, GrainInstance!);
    }

    private void MoveIncomingToWaiting()
    {
        lock (this)
        {
            MoveIncomingToWaitingLocked();
        }
    }

    private void MoveIncomingToWaitingLocked()
    {
        _waiting ??= [];
        if (_incoming is { Count: > 0 } incoming)
        {
            while (incoming.TryDequeue(out var request))
            {
                _waiting.Add(request);
            }
        }
    }

    private List<GrainRequest> TakeAllQueued()
    {
        lock (this)
        {
            MoveIncomingToWaitingLocked();
            var all = new List<GrainRequest>(_waiting!);
            _waiting!.Clear();
            return all;
        }
    }

    private void ForwardAll()
    {
        foreach (var request in TakeAllQueued())
        {
            if (!request.IsCompleted)
            {
                Runtime.Route(request);
            }
        }
    }

    private void BeginActivation()
    {
        _state = ActivationState.Activating;
        var cancellationToken = StartLifecycleStep(Runtime.Options.ActivationTimeout);
        Task activation;
        SynchronizationContext.SetSynchronizationContext(SyncContext);
        try
        {
            activation = ActivateAsync(cancellationToken);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        activation.ConfigureAwait(false).GetAwaiter()
            .UnsafeOnCompleted(() => EnqueueWorkItem(new LifecycleStepCompleted(activation, activating: true)));
    }

    private async Task ActivateAsync(CancellationToken cancellationToken)
    {
        var (grain, states) = ClassInfo.CreateInstance(this);
        GrainInstance = grain;
        foreach (var state in states)
        {
            await state.ReadStateAsync(cancellationToken);
        }

        if (grain is Grain baseGrain)
        {
            await baseGrain.OnActivateAsync(cancellationToken);
        }
    }

    private void OnActivationCompleted(Task activation)
    {
        _lifecycleCancellation = null;
        if (activation.IsCompletedSuccessfully)
        {
            _state = ActivationState.Valid;
            return;
        }

        // The requests that caused the activation see why it failed; later calls try a fresh activation.
        var error = activation.Exception?.InnerException ?? new OperationCanceledException("Activation was cancelled.");
        GrainRuntime.Log.ActivationFailed(Runtime.Logger, GrainId, error);
        _state = ActivationState.Invalid;
        Runtime.Directory.Remove(this);
        DisposeTimers();
        foreach (var request in TakeAllQueued())
        {
            request.TryFail(error);
        }

        _deactivated?.TrySetResult();
    }

    private void BeginDeactivation(DeactivationReason reason)
    {
        _state = ActivationState.Deactivating;
        _deactivateRequested = false;
        DisposeTimers();
        var cancellationToken = StartLifecycleStep(Runtime.Options.DeactivationTimeout);
        Task deactivation;
        SynchronizationContext.SetSynchronizationContext(SyncContext);
        try
        {
            deactivation = GrainInstance is Grain grain
                ? grain.OnDeactivateAsync(reason, cancellationToken)
                : Task.CompletedTask;
        }
        catch (Exception exception)
        {
            deactivation = Task.FromException(exception);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        deactivation.ConfigureAwait(false).GetAwaiter()
            .UnsafeOnCompleted(() => EnqueueWorkItem(new LifecycleStepCompleted(deactivation, activating: false)));
    }

    private void OnDeactivationCompleted(Task deactivation)
    {
        _lifecycleCancellation = null;
        if (!deactivation.IsCompletedSuccessfully)
        {
            GrainRuntime.Log.DeactivationFailed(Runtime.Logger, GrainId, deactivation.Exception?.InnerException);
        }

        _state = ActivationState.Invalid;
        Runtime.Directory.Remove(this);
        (GrainInstance as IDisposable)?.Dispose();
        ForwardAll();
        _deactivated?.TrySetResult();
    }

    // No timer per activation: a million activations would mean a million timer registrations. The sweeper
    // cancels an overdue step instead (CancelOverdueLifecycleStep); a timer-less source needs no disposal.
    private CancellationToken StartLifecycleStep(TimeSpan timeout)
    {
        var cancellation = new CancellationTokenSource();
        _lifecycleDeadlineMs = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        Volatile.Write(ref _lifecycleCancellation, cancellation);
        return cancellation.Token;
    }

    /// <summary>Cancels <c>OnActivateAsync</c>/<c>OnDeactivateAsync</c> once past its timeout (sweeper thread).</summary>
    public void CancelOverdueLifecycleStep(long nowMs)
    {
        if (_state is ActivationState.Activating or ActivationState.Deactivating
            && nowMs >= Volatile.Read(ref _lifecycleDeadlineMs)
            && Volatile.Read(ref _lifecycleCancellation) is { } cancellation)
        {
            cancellation.Cancel();
        }
    }

    private void DisposeTimers()
    {
        if (_timers is null)
        {
            return;
        }

        foreach (var timer in _timers.ToArray())
        {
            timer.Dispose();
        }

        _timers.Clear();
    }

    private sealed class ShutdownItem : IActivationWorkItem
    {
        public void Execute(ActivationData activation)
        {
            switch (activation._state)
            {
                case ActivationState.Created:
                    activation._state = ActivationState.Invalid;
                    activation.Runtime.Directory.Remove(activation);
                    activation.ForwardAll();
                    activation._deactivated?.TrySetResult();
                    break;
                case ActivationState.Invalid:
                    activation._deactivated?.TrySetResult();
                    break;
                default:
                    activation.RequestDeactivation(DeactivationReason.ShuttingDown);
                    break;
            }
        }
    }

    private sealed class CollectIfIdleItem(long idleMs) : IActivationWorkItem
    {
        public void Execute(ActivationData activation)
        {
            if (activation._state == ActivationState.Valid && activation._runningCount == 0
                && Environment.TickCount64 - activation.LastActivityMs >= idleMs
                && Environment.TickCount64 >= activation._keepAliveUntilMs)
            {
                activation.BeginDeactivation(DeactivationReason.IdleCollection);
            }
        }
    }

    private sealed class LifecycleStepCompleted(Task step, bool activating) : IActivationWorkItem
    {
        public void Execute(ActivationData activation)
        {
            Debug.Assert(activation._state is ActivationState.Activating or ActivationState.Deactivating);
            if (activating)
            {
                activation.OnActivationCompleted(step);
            }
            else
            {
                activation.OnDeactivationCompleted(step);
            }
        }
    }
}

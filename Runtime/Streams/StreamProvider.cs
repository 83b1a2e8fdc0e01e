using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VibeCoder.Runtime.Invocation;

namespace VibeCoder.Runtime.Streams;

/// <summary>
/// A stream provider: publishing into its <see cref="IStreamLog"/>, and delivering what the log holds to implicit
/// subscribers (grain classes by namespace) and explicit subscriptions (observers and grains), at least once, in order
/// per stream and subscription. The same engine serves the memory, SQLite and PostgreSQL logs.
/// </summary>
/// <remarks>
/// How new items are noticed: commits of this process reach <see cref="OnCommitted"/> directly from the log (in commit
/// order, items attached, so delivery need not read them back); commits of other processes arrive through
/// <see cref="IStreamLog.WatchAsync"/> (PostgreSQL LISTEN/NOTIFY) and, as a safety net, a periodic scan of recently
/// changed stream heads. At start a full scan against the stored checkpoints resumes whatever was not yet delivered.
/// Locking: <see cref="_gate"/> serializes creating agents and changing explicit subscriptions (rare); everything on the
/// delivery path is lock-free or per stream.
/// </remarks>
internal sealed partial class StreamProvider : IStreamProvider, IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private static readonly IReadOnlyDictionary<string, long> EmptyPositions = new Dictionary<string, long>();

    /// <summary>How long a stream with only implicit subscribers stays in memory after its last item (then it is reloaded on demand).</summary>
    private static readonly TimeSpan IdleStreamLifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<StreamId, StreamAgent> _agents = new();
    private readonly ConcurrentDictionary<Guid, ExplicitSubscription> _subscriptions = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _rescanRequested = new(0, 1);
    private readonly Lazy<ImplicitSubscriptionCatalog> _implicit;
    private readonly List<Task> _background = [];
    private long _published;
    private long _delivered;
    private long _failedAttempts;
    private long _deadLettered;
    private volatile bool _accepting;
    private volatile bool _stopped;

    public StreamProvider(string name, IStreamLog log, StreamOptions options, GrainRuntime runtime, TimeProvider time, ILogger<StreamProvider> logger)
    {
        Name = name;
        StreamLog = log;
        Options = options;
        Runtime = runtime;
        Time = time;
        Logger = logger;
        Checkpoints = new CheckpointWriter(log);
        CacheLimit = log.IsDurable ? options.MaxCachedItemsPerStream : 0;
        _implicit = new Lazy<ImplicitSubscriptionCatalog>(() => ImplicitSubscriptionCatalog.Create(runtime.GrainClasses));
        log.SetCommitObserver(OnCommitted);
    }

    public string Name { get; }

    public bool IsDurable => StreamLog.IsDurable;

    public IStreamLog StreamLog { get; }

    public StreamOptions Options { get; }

    public GrainRuntime Runtime { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public CheckpointWriter Checkpoints { get; }

    /// <summary>How many recent items per stream the agents cache (0 for the memory log, which is its own cache).</summary>
    public int CacheLimit { get; }

    public CancellationToken Stopping => _stopping.Token;

    /// <summary>False once stopping began or the silo stopped serving (crash): deliveries then stop without moving on.</summary>
    public bool IsDelivering => !_stopped && Runtime.IsActive;

    /// <summary>Items subscribers are behind, summed over all cursors in this process.</summary>
    public long Lag
    {
        get
        {
            long lag = 0;
            foreach (var agent in _agents.Values)
            {
                var head = agent.KnownHead;
                foreach (var cursor in agent.Cursors)
                {
                    lag += Math.Max(0, head - Math.Max(0, cursor.Position));
                }
            }

            return lag;
        }
    }

    public IAsyncStream<T> GetStream<T>(string @namespace, string key) => new AsyncStream<T>(this, StreamId.Create(@namespace, key));

    /// <summary>Loads subscriptions, resumes undelivered items and starts the background loops. Called once the silo serves calls.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _ = _implicit.Value;
        var subscriptions = await StreamLog.ReadSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
        var checkpoints = (await StreamLog.ReadCheckpointsAsync(null, cancellationToken).ConfigureAwait(false))
            .GroupBy(c => c.Stream)
            .ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Subscriber, c => c.Position, StringComparer.Ordinal));
        lock (_gate)
        {
            foreach (var stored in subscriptions)
            {
                var positions = checkpoints.GetValueOrDefault(stored.Stream);
                var agent = GetOrCreateAgentLocked(stored.Stream, positions);
                var position = positions?.GetValueOrDefault(stored.Subscriber) ?? 0;
                var target = RestoreTarget(stored);
                var cursor = agent.GetOrAddCursor(stored.Subscriber, a => new SubscriptionCursor(a, stored.Subscriber, target, position));
                _subscriptions[stored.HandleId] = new ExplicitSubscription(stored, cursor);
            }
        }

        // Accept commit notifications before scanning, so a commit racing the scan is seen by one or the other.
        _accepting = true;
        await ScanAsync(changedSince: null, checkpoints, cancellationToken).ConfigureAwait(false);
        foreach (var subscription in _subscriptions.Values)
        {
            subscription.Cursor.Wake(force: true);
        }

        if (StreamLog.IsDurable)
        {
            _background.Add(Task.Run(() => WatchAsync(_stopping.Token), CancellationToken.None));
            _background.Add(Task.Run(() => PollAsync(_stopping.Token), CancellationToken.None));
        }

        _background.Add(Task.Run(() => FlushCheckpointsAsync(_stopping.Token), CancellationToken.None));
        _background.Add(Task.Run(() => ApplyRetentionPeriodicallyAsync(_stopping.Token), CancellationToken.None));
        StreamMetrics.Register(this);
        _started.TrySetResult();
        Log.Started(Logger, Name, StreamLog.Description, _subscriptions.Count, _agents.Count);
    }

    /// <summary>
    /// Stops delivering. After a graceful silo stop, in-flight deliveries finish and positions are written; after a
    /// crash (the runtime was aborted first) nothing more is written, as in a real crash.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        var crashed = !Runtime.IsActive;
        _stopped = true;
        _accepting = false;
        StreamMetrics.Unregister(this);
        await _stopping.CancelAsync().ConfigureAwait(false);
        var loops = _agents.Values.SelectMany(a => a.Cursors).Select(c => c.Loop).Concat(_background).ToArray();
        try
        {
            await Task.WhenAll(loops).WaitAsync(StopTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.StopTimedOut(Logger, Name, loops.Count(l => !l.IsCompleted));
        }
        catch (Exception exception) when (exception is OperationCanceledException)
        {
            // Host shutdown was cancelled: do not wait any longer.
        }

        if (!crashed)
        {
            try
            {
                await Checkpoints.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.CheckpointFlushFailed(Logger, Name, exception);
            }
        }

        _started.TrySetCanceled(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        await StreamLog.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    internal async Task PublishAsync<T>(StreamId stream, IReadOnlyList<T> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        // Publishing stays open after delivery stopped (grains deactivating at shutdown still publish); what is
        // committed then is delivered after the next start.
        var headers = StreamTelemetry.CaptureHeaders();
        using var activity = StreamTelemetry.StartPublish(Name, stream, items.Count);
        var timestamp = Now();
        var events = new StreamEvent[items.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var item = items[i];
            if (item is null)
            {
                throw new ArgumentException("Stream items must not be null.", nameof(items));
            }

            var payload = StreamLog.IsDurable ? JsonSerializer.SerializeToUtf8Bytes(item, Runtime.JsonOptions) : null;
            events[i] = new StreamEvent(timestamp, item, payload, headers);
        }

        await StreamLog.AppendAsync(stream, events, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _published, events.Length);
        StreamMetrics.RecordPublished(Name, stream.Namespace, events.Length);
    }

    internal async Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(StreamId stream, IAsyncObserver<T> observer, StartPosition from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observer);
        await _started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var (target, grain, grainInterface) = CreateTarget(observer);
        var position = await ResolvePositionAsync(stream, from, cancellationToken).ConfigureAwait(false);
        var stored = new StoredSubscription(Guid.NewGuid(), stream, grain, grainInterface, TypeName(typeof(T)), Now());
        await StreamLog.SaveSubscriptionAsync(stored, position, cancellationToken).ConfigureAwait(false);
        SubscriptionCursor cursor;
        lock (_gate)
        {
            var agent = GetOrCreateAgentLocked(stream, positions: null);
            cursor = agent.GetOrAddCursor(stored.Subscriber, a => new SubscriptionCursor(a, stored.Subscriber, target, position));
            _subscriptions[stored.HandleId] = new ExplicitSubscription(stored, cursor);
        }

        cursor.Wake(force: true);
        Log.Subscribed(Logger, Name, stream, stored.HandleId, target.Description, position);
        return new StreamSubscriptionHandle<T>(this, stream, stored.HandleId, grain is not null);
    }

    /// <summary>Attaches a new receiver to a subscription (and rewinds it when asked); returns whether it is a grain.</summary>
    internal async Task<bool> ResumeAsync<T>(StreamId stream, Guid handleId, IAsyncObserver<T> observer, StreamSequenceToken? from, CancellationToken cancellationToken)
    {
        await _started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!_subscriptions.TryGetValue(handleId, out var subscription))
        {
            throw new InvalidOperationException($"Subscription {handleId:N} of stream {stream} on provider '{Name}' was removed.");
        }

        var (target, grain, grainInterface) = CreateTarget(observer);
        var stored = subscription.Stored;
        if (stored.Grain != grain || stored.GrainInterface != grainInterface || stored.ItemType != TypeName(typeof(T)))
        {
            stored = stored with { Grain = grain, GrainInterface = grainInterface, ItemType = TypeName(typeof(T)) };
            var position = from is null ? Math.Max(0, subscription.Cursor.Position) : from.SequenceNumber - 1;
            await StreamLog.SaveSubscriptionAsync(stored, position, cancellationToken).ConfigureAwait(false);
            _subscriptions[handleId] = subscription with { Stored = stored };
        }

        subscription.Cursor.Attach(target, from is null ? null : from.SequenceNumber - 1);
        return grain is not null;
    }

    internal async Task UnsubscribeAsync(StreamId stream, Guid handleId, CancellationToken cancellationToken)
    {
        await _started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        ExplicitSubscription? removed = null;
        lock (_gate)
        {
            if (_subscriptions.TryRemove(handleId, out var subscription))
            {
                removed = subscription;
                subscription.Cursor.Remove();
                if (_agents.TryGetValue(stream, out var agent))
                {
                    agent.RemoveCursor(subscription.Cursor);
                }
            }
        }

        if (removed is not null)
        {
            Checkpoints.Forget(stream, removed.Stored.Subscriber);
        }

        await StreamLog.DeleteSubscriptionAsync(stream, handleId, cancellationToken).ConfigureAwait(false);
    }

    internal async Task<IReadOnlyList<StreamSubscriptionHandle<T>>> GetHandlesAsync<T>(StreamId stream, CancellationToken cancellationToken)
    {
        await _started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _subscriptions.Values
            .Where(s => s.Stored.Stream == stream)
            .OrderBy(s => s.Stored.CreatedAt)
            .Select(s => new StreamSubscriptionHandle<T>(this, stream, s.Stored.HandleId, s.Stored.Grain is not null))
            .ToArray();
    }

    /// <summary>The position to start a subscription after, for a given start.</summary>
    internal async Task<long> ResolvePositionAsync(StreamId stream, StartPosition from, CancellationToken cancellationToken)
    {
        // The head is read first: an item committed after it is delivered whatever the rest of the lookup finds.
        var head = await StreamLog.GetHeadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (from.Token is { } token)
        {
            return token.SequenceNumber - 1;
        }

        if (from.Time is { } time)
        {
            var found = await StreamLog.FindSequenceAsync(stream, time, cancellationToken).ConfigureAwait(false);
            return found is { } sequence ? sequence - 1 : head;
        }

        return head;
    }

    /// <summary>A subscription's position: the unwritten mark if any, else the stored checkpoint, else 0 (the beginning).</summary>
    internal async Task<long> LoadPositionAsync(StreamId stream, string subscriber, CancellationToken cancellationToken)
    {
        if (Checkpoints.TryGetUnwritten(stream, subscriber, out var unwritten))
        {
            return unwritten;
        }

        var checkpoints = await StreamLog.ReadCheckpointsAsync(stream, cancellationToken).ConfigureAwait(false);
        foreach (var checkpoint in checkpoints)
        {
            if (checkpoint.Subscriber == subscriber)
            {
                return checkpoint.Position;
            }
        }

        return 0;
    }

    internal T ConvertItem<T>(StreamEvent streamEvent)
    {
        if (streamEvent.Item is T item && !Runtime.Options.SerializeCalls)
        {
            return item;
        }

        var payload = streamEvent.Payload ?? JsonSerializer.SerializeToUtf8Bytes(streamEvent.Item, streamEvent.Item?.GetType() ?? typeof(object), Runtime.JsonOptions);
        return JsonSerializer.Deserialize<T>(payload, Runtime.JsonOptions)
            ?? throw new JsonException($"Item {streamEvent.Sequence} of a stream of provider '{Name}' is JSON null.");
    }

    internal void OnDelivered(StreamId stream, StreamEvent streamEvent)
    {
        Interlocked.Increment(ref _delivered);
        StreamMetrics.RecordDelivered(Name, stream.Namespace, (Time.GetUtcNow() - streamEvent.Timestamp).TotalMilliseconds);
    }

    internal void OnDeliveryFailed(StreamId stream)
    {
        Interlocked.Increment(ref _failedAttempts);
        StreamMetrics.RecordFailure(Name, stream.Namespace);
    }

    internal async Task DeadLetterAsync(StreamId stream, string subscriber, IDeliveryTarget target, StreamEvent streamEvent, int attempts, Exception exception, CancellationToken cancellationToken)
    {
        var payload = streamEvent.Payload is { } bytes
            ? Encoding.UTF8.GetString(bytes)
            : JsonSerializer.Serialize(streamEvent.Item, streamEvent.Item?.GetType() ?? typeof(object), Runtime.JsonOptions);
        var deadLetter = new DeadLetter(stream, streamEvent.Sequence, subscriber, attempts, $"{exception.GetType().FullName}: {exception.Message}", Now(), payload);
        await StreamLog.AddDeadLetterAsync(deadLetter, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _deadLettered);
        StreamMetrics.RecordDeadLetter(Name, stream.Namespace);
        Log.DeadLettered(Logger, Name, stream, streamEvent.Sequence, subscriber, attempts, exception);
        try
        {
            await target.OnGivenUpAsync(exception).ConfigureAwait(false);
        }
        catch (Exception observerException)
        {
            Log.ObserverErrorHandlerFailed(Logger, Name, stream, subscriber, observerException);
        }
    }

    /// <summary>Wakes a cursor after a delay (its loop hit an error), unless the provider stops first.</summary>
    internal void WakeLater(SubscriptionCursor cursor, TimeSpan delay)
    {
        if (_stopped)
        {
            return;
        }

        _ = Task.Delay(delay, Time, _stopping.Token).ContinueWith(
            static (task, state) =>
            {
                if (task.IsCompletedSuccessfully)
                {
                    ((SubscriptionCursor)state!).Wake(force: true);
                }
            },
            cursor,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>
    /// Applies retention now: per stream, removes items every subscription has passed that are beyond
    /// <see cref="StreamOptions.RetentionCount"/> or older than <see cref="StreamOptions.RetentionAge"/>.
    /// </summary>
    /// <returns>How many items were removed.</returns>
    internal async Task<long> ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        if (Options.RetentionAge is null && Options.RetentionCount is null)
        {
            return 0;
        }

        // Written positions are what retention trusts; flush first so recent progress counts.
        await Checkpoints.FlushAsync(cancellationToken).ConfigureAwait(false);
        var heads = await StreamLog.ReadHeadsAsync(null, cancellationToken).ConfigureAwait(false);
        var checkpoints = (await StreamLog.ReadCheckpointsAsync(null, cancellationToken).ConfigureAwait(false))
            .ToDictionary(c => (c.Stream, c.Subscriber), c => c.Position);
        var explicitByStream = _subscriptions.Values.ToLookup(s => s.Stored.Stream, s => s.Stored.Subscriber);
        var ranges = new List<TrimRange>();
        foreach (var head in heads)
        {
            var subscribers = _implicit.Value.For(head.Stream.Namespace).Select(s => s.Subscriber).Concat(explicitByStream[head.Stream]);
            var safe = head.LastSequence;
            foreach (var subscriber in subscribers)
            {
                safe = Math.Min(safe, checkpoints.GetValueOrDefault((head.Stream, subscriber)));
            }

            var countLimit = Options.RetentionCount is { } count ? head.LastSequence - count : 0;
            if (safe > 0 && (countLimit > 0 || Options.RetentionAge is not null))
            {
                ranges.Add(new TrimRange(head.Stream, safe, countLimit));
            }
        }

        if (ranges.Count == 0)
        {
            return 0;
        }

        var olderThan = Options.RetentionAge is { } age ? Time.GetUtcNow() - age : DateTimeOffset.MinValue;
        var removed = await StreamLog.TrimAsync(ranges, olderThan, cancellationToken).ConfigureAwait(false);
        foreach (var range in ranges)
        {
            if (_agents.TryGetValue(range.Stream, out var agent))
            {
                agent.DropCacheThrough(range.SafeSequence);
            }
        }

        Log.RetentionApplied(Logger, Name, removed, ranges.Count);
        return removed;
    }

    internal async Task<StreamProviderSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var deadLetters = await StreamLog.CountDeadLettersAsync(cancellationToken).ConfigureAwait(false);
        var explicitTargets = _subscriptions.Values.ToDictionary(s => s.Stored.Subscriber, s => s.Stored, StringComparer.Ordinal);
        var streams = _agents.Values
            .OrderBy(a => a.Id.Namespace, StringComparer.Ordinal).ThenBy(a => a.Id.Key, StringComparer.Ordinal)
            .Select(agent => new StreamSnapshot(
                agent.Id,
                agent.KnownHead,
                agent.Cursors.Select(cursor => new StreamSubscriptionSnapshot(
                    cursor.Subscriber,
                    cursor.IsImplicit ? "implicit" : explicitTargets.GetValueOrDefault(cursor.Subscriber)?.Grain is not null ? "grain" : "observer",
                    cursor.Target?.Description,
                    Math.Max(0, cursor.Position),
                    Math.Max(0, agent.KnownHead - Math.Max(0, cursor.Position)),
                    cursor.IsAttached)).ToArray()))
            .ToArray();
        return new StreamProviderSnapshot(
            Name,
            IsDurable,
            StreamLog.Description,
            Interlocked.Read(ref _published),
            Interlocked.Read(ref _delivered),
            Interlocked.Read(ref _failedAttempts),
            deadLetters,
            Lag,
            streams);
    }

    private void OnCommitted(StreamId stream, IReadOnlyList<StreamEvent> events)
    {
        if (!_accepting)
        {
            return;
        }

        // A retired agent refuses; the next lookup creates its replacement.
        while (GetAgent(stream) is { } agent && !agent.TryOnCommitted(events))
        {
            RemoveRetired(agent);
        }
    }

    /// <summary>The stream's agent, created when the stream has implicit subscribers; null when nobody listens.</summary>
    private StreamAgent? GetAgent(StreamId stream)
    {
        if (_agents.TryGetValue(stream, out var agent))
        {
            return agent;
        }

        if (_implicit.Value.For(stream.Namespace).Count == 0)
        {
            return null;
        }

        lock (_gate)
        {
            return GetOrCreateAgentLocked(stream, positions: null);
        }
    }

    private StreamAgent GetOrCreateAgentLocked(StreamId stream, IReadOnlyDictionary<string, long>? positions)
    {
        if (_agents.TryGetValue(stream, out var existing))
        {
            return existing;
        }

        var agent = new StreamAgent(this, stream);
        foreach (var subscriber in _implicit.Value.For(stream.Namespace))
        {
            var target = subscriber.CreateTarget(this, new GrainId(subscriber.GrainType, stream.Key));
            // Unknown positions (-1) are loaded by the cursor itself, off this lock.
            var position = positions is null ? -1 : positions.GetValueOrDefault(subscriber.Subscriber);
            agent.GetOrAddCursor(subscriber.Subscriber, a => new SubscriptionCursor(a, subscriber.Subscriber, target, position));
        }

        _agents[stream] = agent;
        return agent;
    }

    /// <summary>Compares stream heads with what this process knows and wakes the streams that have more.</summary>
    private async Task ScanAsync(DateTimeOffset? changedSince, Dictionary<StreamId, Dictionary<string, long>>? positions, CancellationToken cancellationToken)
    {
        var heads = await StreamLog.ReadHeadsAsync(changedSince, cancellationToken).ConfigureAwait(false);
        foreach (var head in heads)
        {
            if (positions is not null && !_agents.ContainsKey(head.Stream) && _implicit.Value.For(head.Stream.Namespace).Count > 0)
            {
                // At start the checkpoints are at hand: create the agent with them rather than loading them one by one.
                lock (_gate)
                {
                    GetOrCreateAgentLocked(head.Stream, positions.GetValueOrDefault(head.Stream) ?? EmptyPositions);
                }
            }

            NotifyExternalChange(head.Stream, head.LastSequence);
        }
    }

    private void NotifyExternalChange(StreamId stream, long? head)
    {
        while (GetAgent(stream) is { } agent && !agent.TryOnExternalChange(head))
        {
            RemoveRetired(agent);
        }
    }

    private void RemoveRetired(StreamAgent agent)
    {
        lock (_gate)
        {
            _agents.TryRemove(new KeyValuePair<StreamId, StreamAgent>(agent.Id, agent));
        }
    }

    /// <summary>Drops the agents of streams nobody has touched for a while (implicit subscribers only), so memory follows the active streams.</summary>
    private void RetireIdleAgents()
    {
        var now = Environment.TickCount64;
        var idle = (long)IdleStreamLifetime.TotalMilliseconds;
        foreach (var agent in _agents.Values)
        {
            // Under the gate, so a subscription being added cannot land on an agent retired in between.
            lock (_gate)
            {
                if (agent.TryRetire(now, idle))
                {
                    _agents.TryRemove(new KeyValuePair<StreamId, StreamAgent>(agent.Id, agent));
                }
            }
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StreamLog.WatchAsync(OnExternalChange, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void OnExternalChange(IReadOnlyList<StreamId>? streams)
    {
        if (!_accepting)
        {
            return;
        }

        if (streams is null)
        {
            // Notifications may have been missed: let the poll loop run a full scan now.
            if (_rescanRequested.CurrentCount == 0)
            {
                try
                {
                    _rescanRequested.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Already requested.
                }
            }

            return;
        }

        foreach (var stream in streams)
        {
            NotifyExternalChange(stream, head: null);
        }
    }

    // The safety net under notifications: a scan of the heads changed since shortly before the previous scan (the margin
    // covers transactions that committed late), or of all heads when a full scan was requested.
    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var margin = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, Options.SafetyPollInterval.Ticks * 2));
        var lastScan = Time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            bool full;
            try
            {
                full = await _rescanRequested.WaitAsync(Options.SafetyPollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var started = Time.GetUtcNow();
            try
            {
                await ScanAsync(full ? null : lastScan - margin, positions: null, cancellationToken).ConfigureAwait(false);
                lastScan = started;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                Log.ScanFailed(Logger, Name, exception);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Also retires idle stream agents, about once a minute, right after a flush (so their positions are written).
    private async Task FlushCheckpointsAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Options.CheckpointInterval, Time);
        var nextRetirement = Environment.TickCount64 + 60_000;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await Checkpoints.FlushAsync(cancellationToken).ConfigureAwait(false);
                    if (Environment.TickCount64 >= nextRetirement)
                    {
                        nextRetirement = Environment.TickCount64 + 60_000;
                        RetireIdleAgents();
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.CheckpointFlushFailed(Logger, Name, exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: StopAsync writes the last positions.
        }
    }

    private async Task ApplyRetentionPeriodicallyAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Options.RetentionInterval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await ApplyRetentionAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.RetentionFailed(Logger, Name, exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private (IDeliveryTarget Target, GrainId? Grain, string? GrainInterface) CreateTarget<T>(IAsyncObserver<T> observer)
    {
        if (observer is not GrainReference reference)
        {
            return (new ObserverDeliveryTarget<T>(this, observer), null, null);
        }

        var grainClass = Runtime.FindClass(reference.GrainId.Type)?.GrainClass;
        if (grainClass is null || !typeof(IAsyncObserver<T>).IsAssignableFrom(grainClass))
        {
            throw new ArgumentException(
                $"Grain {reference.GrainId} cannot subscribe to items of type {typeof(T).Name}: " +
                (grainClass is null ? "no grain class of that type is hosted by this silo." : $"{grainClass.Name} does not implement IAsyncObserver<{typeof(T).Name}>."),
                nameof(observer));
        }

        return (new GrainDeliveryTarget<T>(this, reference.GrainId), reference.GrainId, TypeName(reference.InterfaceType));
    }

    /// <summary>The delivery target of a stored subscription, or null (detached) for observers and unresolvable grains.</summary>
    private IDeliveryTarget? RestoreTarget(StoredSubscription stored)
    {
        if (stored.Grain is not { } grain)
        {
            return null;
        }

        var itemType = Type.GetType(stored.ItemType, throwOnError: false);
        if (itemType is null && Runtime.FindClass(grain.Type)?.GrainClass is { } grainClass
            && DeliveryTargets.ObservedItemTypes(grainClass) is [var only])
        {
            itemType = only;
        }

        if (itemType is null)
        {
            Log.SubscriptionUnresolvable(Logger, Name, stored.Stream, stored.HandleId, stored.ItemType);
            return null;
        }

        return DeliveryTargets.GrainTargetFactory(itemType)(this, grain);
    }

    private DateTimeOffset Now()
    {
        // Microsecond precision, as the databases keep it, so a token reads the same from the cache and from the log.
        var now = Time.GetUtcNow().UtcDateTime;
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
    }

    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    /// <summary>An explicit subscription and its cursor.</summary>
    private sealed record ExplicitSubscription(StoredSubscription Stored, SubscriptionCursor Cursor);

    internal static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Stream provider '{Provider}' started on {Log}: {Subscriptions} explicit subscriptions, {Streams} streams to resume")]
        public static partial void Started(ILogger logger, string provider, string log, int subscriptions, int streams);

        [LoggerMessage(2, LogLevel.Warning, "Stream provider '{Provider}': delivery of item {Sequence} of {Stream} to {Subscriber} failed (attempt {Attempt}); retrying in {Delay}")]
        public static partial void DeliveryRetry(ILogger logger, string provider, StreamId stream, long sequence, string subscriber, int attempt, TimeSpan delay, Exception exception);

        [LoggerMessage(3, LogLevel.Error, "Stream provider '{Provider}': item {Sequence} of {Stream} moved to the dead-letter list after {Attempts} failed deliveries to {Subscriber}")]
        public static partial void DeadLettered(ILogger logger, string provider, StreamId stream, long sequence, string subscriber, int attempts, Exception exception);

        [LoggerMessage(4, LogLevel.Warning, "Stream provider '{Provider}': the delivery loop of {Subscriber} on {Stream} failed; it resumes from its position")]
        public static partial void CursorFailed(ILogger logger, string provider, StreamId stream, string subscriber, Exception exception);

        [LoggerMessage(5, LogLevel.Warning, "Stream provider '{Provider}': writing checkpoints failed; they are retried")]
        public static partial void CheckpointFlushFailed(ILogger logger, string provider, Exception exception);

        [LoggerMessage(6, LogLevel.Warning, "Stream provider '{Provider}': scanning stream heads failed")]
        public static partial void ScanFailed(ILogger logger, string provider, Exception exception);

        [LoggerMessage(7, LogLevel.Warning, "Stream provider '{Provider}': applying retention failed")]
        public static partial void RetentionFailed(ILogger logger, string provider, Exception exception);

        [LoggerMessage(8, LogLevel.Information, "Stream provider '{Provider}': retention removed {Removed} items from {Streams} streams")]
        public static partial void RetentionApplied(ILogger logger, string provider, long removed, int streams);

        [LoggerMessage(9, LogLevel.Warning, "Stream provider '{Provider}': {Pending} delivery loops were still running when stopping gave up waiting")]
        public static partial void StopTimedOut(ILogger logger, string provider, int pending);

        [LoggerMessage(10, LogLevel.Warning, "Stream provider '{Provider}': subscription {HandleId} of {Stream} names item type '{ItemType}', which cannot be loaded; it stays detached")]
        public static partial void SubscriptionUnresolvable(ILogger logger, string provider, StreamId stream, Guid handleId, string itemType);

        [LoggerMessage(11, LogLevel.Warning, "Stream provider '{Provider}': the OnErrorAsync of {Subscriber} on {Stream} threw")]
        public static partial void ObserverErrorHandlerFailed(ILogger logger, string provider, StreamId stream, string subscriber, Exception exception);

        [LoggerMessage(12, LogLevel.Debug, "Stream provider '{Provider}': subscription {HandleId} to {Stream} for {Target} starts after position {Position}")]
        public static partial void Subscribed(ILogger logger, string provider, StreamId stream, Guid handleId, string target, long position);
    }
}

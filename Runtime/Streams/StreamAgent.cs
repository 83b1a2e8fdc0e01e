namespace VibeCoder.Runtime.Streams;

/// <summary>
/// One stream as the provider delivers it in this process: its subscription cursors, the newest sequence number known
/// to be committed, and (durable providers) a cache of the newest items committed here, so delivery of local
/// publishes reads nothing back from the database.
/// </summary>
/// <remarks>
/// Locking: <see cref="_lock"/> guards the cache and the cursor array's replacement; cursors are read lock-free from the
/// array (copy on write). The cache holds one contiguous run of sequence numbers: an item that does not extend the
/// run (another process committed in between) starts a new run, and readers fall back to the log for the gap.
/// </remarks>
internal sealed class StreamAgent(StreamProvider provider, StreamId id)
{
    private readonly Lock _lock = new();
    private readonly List<StreamEvent> _recent = [];
    private SubscriptionCursor[] _cursors = [];
    private long _knownHead;
    private long _lastActivityMs = Environment.TickCount64;
    private bool _retired;

    public StreamId Id { get; } = id;

    public StreamProvider Provider { get; } = provider;

    /// <summary>The newest sequence number known to be committed (0 when unknown).</summary>
    public long KnownHead => Volatile.Read(ref _knownHead);

    public IReadOnlyList<SubscriptionCursor> Cursors => Volatile.Read(ref _cursors);

    /// <summary>Items this process just committed: cache them and wake the cursors. False when the agent was retired (use a new one).</summary>
    public bool TryOnCommitted(IReadOnlyList<StreamEvent> events)
    {
        if (events.Count == 0)
        {
            return true;
        }

        lock (_lock)
        {
            if (_retired)
            {
                return false;
            }

            if (Provider.CacheLimit > 0)
            {
                AddToCache(events);
            }

            AdvanceHead(events[^1].Sequence);
            _lastActivityMs = Environment.TickCount64;
        }

        WakeAll(force: false);
        return true;
    }

    /// <summary>
    /// Another process committed (head known or not): wake the cursors; an unknown head makes them read the log. False
    /// when the agent was retired (use a new one).
    /// </summary>
    public bool TryOnExternalChange(long? head)
    {
        lock (_lock)
        {
            if (_retired)
            {
                return false;
            }

            if (head is { } known)
            {
                if (known <= KnownHead)
                {
                    return true;
                }

                AdvanceHead(known);
            }

            _lastActivityMs = Environment.TickCount64;
        }

        WakeAll(force: head is null);
        return true;
    }

    /// <summary>
    /// Retires the agent if only implicit subscriptions use it, all of them are idle and caught up, and nothing happened
    /// for <paramref name="idleMs"/>: its state is all in the checkpoints, and a new agent picks up from them. Decided
    /// under the agent's lock, which every wake-up path takes first, so a retired agent never delivers again.
    /// </summary>
    public bool TryRetire(long nowMs, long idleMs)
    {
        lock (_lock)
        {
            if (_retired)
            {
                return true;
            }

            if (nowMs - _lastActivityMs < idleMs)
            {
                return false;
            }

            foreach (var cursor in _cursors)
            {
                if (!cursor.IsImplicit || cursor.IsRunning || cursor.Position < KnownHead)
                {
                    return false;
                }
            }

            _retired = true;
            _recent.Clear();
            return true;
        }
    }

    public void AdvanceHead(long sequence)
    {
        var current = Volatile.Read(ref _knownHead);
        while (sequence > current)
        {
            var seen = Interlocked.CompareExchange(ref _knownHead, sequence, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Up to <paramref name="maxCount"/> items after <paramref name="afterSequence"/>: from the cache when it has the next one, else from the log.</summary>
    public async ValueTask<IReadOnlyList<StreamEvent>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_recent.Count > 0)
            {
                var first = _recent[0].Sequence;
                var index = afterSequence + 1 - first;
                if (index >= 0 && index < _recent.Count)
                {
                    var slice = new StreamEvent[(int)Math.Min(maxCount, _recent.Count - index)];
                    _recent.CopyTo((int)index, slice, 0, slice.Length);
                    return slice;
                }
            }
        }

        var events = await Provider.StreamLog.ReadAsync(Id, afterSequence, maxCount, cancellationToken).ConfigureAwait(false);
        if (events.Count > 0)
        {
            AdvanceHead(events[^1].Sequence);
        }

        return events;
    }

    /// <summary>Drops cached items every attached cursor has passed.</summary>
    public void TrimCache()
    {
        var lowest = long.MaxValue;
        foreach (var cursor in Cursors)
        {
            if (cursor.IsAttached)
            {
                lowest = Math.Min(lowest, cursor.Position);
            }
        }

        DropCacheThrough(lowest);
    }

    /// <summary>Drops cached items up to <paramref name="sequence"/> (retention may have removed them from the log, and a replay must not see them).</summary>
    public void DropCacheThrough(long sequence)
    {
        lock (_lock)
        {
            if (_recent.Count == 0 || _recent[0].Sequence > sequence)
            {
                return;
            }

            var remove = (int)Math.Min(_recent.Count, sequence - _recent[0].Sequence + 1);
            _recent.RemoveRange(0, remove);
        }
    }

    /// <summary>The cursor of <paramref name="subscriber"/>, added by <paramref name="create"/> when missing. Call under the provider's gate.</summary>
    public SubscriptionCursor GetOrAddCursor(string subscriber, Func<StreamAgent, SubscriptionCursor> create)
    {
        lock (_lock)
        {
            foreach (var cursor in _cursors)
            {
                if (cursor.Subscriber == subscriber)
                {
                    return cursor;
                }
            }

            var added = create(this);
            Volatile.Write(ref _cursors, [.. _cursors, added]);
            return added;
        }
    }

    public void RemoveCursor(SubscriptionCursor cursor)
    {
        lock (_lock)
        {
            Volatile.Write(ref _cursors, _cursors.Where(c => !ReferenceEquals(c, cursor)).ToArray());
        }
    }

    private void WakeAll(bool force)
    {
        foreach (var cursor in Cursors)
        {
            cursor.Wake(force);
        }
    }

    private void AddToCache(IReadOnlyList<StreamEvent> events)
    {
        var first = events[0].Sequence;
        if (_recent.Count > 0)
        {
            var last = _recent[^1].Sequence;
            if (first <= last)
            {
                // Already cached (cannot happen with one committer per process; harmless if it does).
                return;
            }

            if (first != last + 1)
            {
                _recent.Clear();
            }
        }

        _recent.AddRange(events);
        var excess = _recent.Count - Provider.CacheLimit;
        if (excess > 0)
        {
            _recent.RemoveRange(0, excess);
        }
    }
}

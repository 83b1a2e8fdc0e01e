using System.Diagnostics;

namespace VibeCoder.Runtime.Streams;

/// <summary>
/// One subscription's progress through one stream and the loop that delivers to it: read the items after
/// <see cref="Position"/>, hand them to the target one at a time in sequence order, retry a failing item with
/// exponential backoff, move it to the dead-letter list after the last attempt, and mark each completed position for
/// the checkpoint writer.
/// </summary>
/// <remarks>
/// At most one loop runs per cursor (an idle/running flag swapped with compare-and-exchange), so deliveries of one
/// subscription never overlap and stay in order. <see cref="Wake"/> never loses a signal: the loop re-checks the
/// request flag after marking itself idle. The loop starts without the waker's execution context, so a publisher's
/// request context or trace never leaks into deliveries.
/// </remarks>
internal sealed class SubscriptionCursor
{
    private readonly StreamAgent _agent;
    private IDeliveryTarget? _target;
    private long _position;
    private long _rewindTo = -1;
    private int _running;
    private int _wakeRequested;
    private int _forceRead;
    private volatile bool _removed;
    private Task _loop = Task.CompletedTask;

    /// <param name="agent">The stream.</param>
    /// <param name="subscriber">The checkpoint name.</param>
    /// <param name="target">The receiver, or null while detached (an observer subscription restored after a restart).</param>
    /// <param name="position">The last completed sequence number, or -1 when it must be loaded from the checkpoint.</param>
    public SubscriptionCursor(StreamAgent agent, string subscriber, IDeliveryTarget? target, long position)
    {
        _agent = agent;
        Subscriber = subscriber;
        _target = target;
        _position = position;
    }

    public string Subscriber { get; }

    public bool IsImplicit => SubscriberNames.IsImplicit(Subscriber);

    /// <summary>The last completed sequence number (-1 until loaded).</summary>
    public long Position => Volatile.Read(ref _position);

    public bool IsAttached => Volatile.Read(ref _target) is not null;

    /// <summary>Whether the delivery loop is running (or about to).</summary>
    public bool IsRunning => Volatile.Read(ref _running) != 0;

    public IDeliveryTarget? Target => Volatile.Read(ref _target);

    /// <summary>The running loop (completed when idle), for shutdown.</summary>
    public Task Loop => Volatile.Read(ref _loop);

    private StreamProvider Provider => _agent.Provider;

    /// <summary>
    /// Makes <paramref name="target"/> receive the items from now on, and when <paramref name="rewindTo"/> is given, makes the
    /// next delivery start after that position (applied between items, so an item in flight finishes first).
    /// </summary>
    public void Attach(IDeliveryTarget target, long? rewindTo = null)
    {
        Volatile.Write(ref _target, target);
        if (rewindTo is { } position)
        {
            Interlocked.Exchange(ref _rewindTo, Math.Max(0, position));
        }

        Wake(force: true);
    }

    public void Remove()
    {
        _removed = true;
        Volatile.Write(ref _target, null);
    }

    /// <summary>Starts the loop unless it runs; <paramref name="force"/> makes it read the log even if the known head says there is nothing new.</summary>
    public void Wake(bool force)
    {
        if (force)
        {
            Volatile.Write(ref _forceRead, 1);
        }

        Volatile.Write(ref _wakeRequested, 1);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            using (ExecutionContext.SuppressFlow())
            {
                Volatile.Write(ref _loop, Task.Run(RunAsync));
            }
        }
    }

    private async Task RunAsync()
    {
        var stopping = Provider.Stopping;
        while (true)
        {
            Volatile.Write(ref _wakeRequested, 0);
            var force = Interlocked.Exchange(ref _forceRead, 0) != 0;
            try
            {
                await DrainAsync(force, stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (stopping.IsCancellationRequested || (exception is OperationCanceledException && !Provider.IsDelivering))
            {
                // Shutdown (or a crash of the silo): stop where we are; the checkpoint says where to resume.
                Volatile.Write(ref _running, 0);
                return;
            }
            catch (Exception exception)
            {
                // Reading the log or recording a dead letter failed (database unavailable): try again later from the
                // same position, so nothing is skipped.
                StreamProvider.Log.CursorFailed(Provider.Logger, Provider.Name, _agent.Id, Subscriber, exception);
                Volatile.Write(ref _running, 0);
                Provider.WakeLater(this, Provider.Options.RetryInitialDelay);
                return;
            }

            Volatile.Write(ref _running, 0);
            if (Volatile.Read(ref _wakeRequested) == 0 || stopping.IsCancellationRequested
                || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task DrainAsync(bool force, CancellationToken stopping)
    {
        if (Position < 0)
        {
            Volatile.Write(ref _position, await Provider.LoadPositionAsync(_agent.Id, Subscriber, stopping).ConfigureAwait(false));
        }

        var batchSize = Provider.Options.DeliveryBatchSize;
        while (!stopping.IsCancellationRequested && !_removed)
        {
            var rewind = Interlocked.Exchange(ref _rewindTo, -1);
            if (rewind >= 0)
            {
                Volatile.Write(ref _position, rewind);
                Provider.Checkpoints.Mark(_agent.Id, Subscriber, rewind);
                force = true;
            }

            if (Target is null || (!force && Position >= _agent.KnownHead))
            {
                return;
            }

            var events = await _agent.ReadAsync(Position, batchSize, stopping).ConfigureAwait(false);
            if (events.Count == 0)
            {
                return;
            }

            foreach (var streamEvent in events)
            {
                if (_removed || Volatile.Read(ref _rewindTo) >= 0)
                {
                    break;
                }

                if (!await DeliverWithRetryAsync(streamEvent, stopping).ConfigureAwait(false))
                {
                    return;
                }

                Volatile.Write(ref _position, streamEvent.Sequence);
                if (!_removed)
                {
                    Provider.Checkpoints.Mark(_agent.Id, Subscriber, streamEvent.Sequence);
                }
            }

            _agent.TrimCache();

            // A short forced read reached the end of the log; from here on the known head says when to read again.
            force = force && events.Count == batchSize;
        }
    }

    /// <summary>Delivers one item until it succeeds or is given up on (true: move past it), or the subscription went away (false).</summary>
    private async Task<bool> DeliverWithRetryAsync(StreamEvent streamEvent, CancellationToken stopping)
    {
        var options = Provider.Options;
        for (var attempt = 1; ; attempt++)
        {
            var target = Target;
            if (target is null || _removed)
            {
                return false;
            }

            using var activity = StreamTelemetry.StartDelivery(Provider.Name, _agent.Id, Subscriber, streamEvent, attempt);
            try
            {
                await target.DeliverAsync(streamEvent).ConfigureAwait(false);
                Provider.OnDelivered(_agent.Id, streamEvent);
                return true;
            }
            catch (Exception exception) when (stopping.IsCancellationRequested || (target.IsGrain && !Provider.IsDelivering))
            {
                // The silo is going away: the item was not handled, and will be delivered again after the restart.
                throw new OperationCanceledException("Stream delivery stopped with the silo.", exception, stopping);
            }
            catch (Exception exception)
            {
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                Provider.OnDeliveryFailed(_agent.Id);
                if (attempt >= options.MaxDeliveryAttempts)
                {
                    await Provider.DeadLetterAsync(_agent.Id, Subscriber, target, streamEvent, attempt, exception, stopping).ConfigureAwait(false);
                    return !_removed;
                }

                var delay = RetryDelay(options, attempt);
                StreamProvider.Log.DeliveryRetry(Provider.Logger, Provider.Name, _agent.Id, streamEvent.Sequence, Subscriber, attempt, delay, exception);
                await Task.Delay(delay, Provider.Time, stopping).ConfigureAwait(false);
            }
        }
    }

    private static TimeSpan RetryDelay(StreamOptions options, int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var delay = options.RetryInitialDelay.TotalMilliseconds * factor;
        return TimeSpan.FromMilliseconds(Math.Min(delay, options.RetryMaxDelay.TotalMilliseconds));
    }
}

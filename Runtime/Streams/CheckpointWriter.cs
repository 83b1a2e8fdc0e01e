namespace VibeCoder.Runtime.Streams;

/// <summary>
/// Collects subscription positions as items are handled and writes the changed ones together (one statement per
/// flush), so checkpointing costs one write per interval rather than one per item. A crash repeats at most the
/// unflushed part of each subscription's progress, which at-least-once delivery allows.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="Mark"/> takes a short lock; flushes are serialized by a semaphore so a slower earlier flush
/// can never overwrite a later position.
/// </remarks>
internal sealed class CheckpointWriter(IStreamLog log)
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private Dictionary<(StreamId Stream, string Subscriber), long> _pending = [];
    private Dictionary<(StreamId Stream, string Subscriber), long> _inFlight = [];

    public void Mark(StreamId stream, string subscriber, long position)
    {
        lock (_lock)
        {
            _pending[(stream, subscriber)] = position;
        }
    }

    public void Forget(StreamId stream, string subscriber)
    {
        lock (_lock)
        {
            _pending.Remove((stream, subscriber));
        }
    }

    /// <summary>A position marked but not yet confirmed written.</summary>
    public bool TryGetUnwritten(StreamId stream, string subscriber, out long position)
    {
        lock (_lock)
        {
            return _pending.TryGetValue((stream, subscriber), out position) || _inFlight.TryGetValue((stream, subscriber), out position);
        }
    }

    /// <summary>Writes every position marked since the last flush. On failure they stay pending for the next one.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Dictionary<(StreamId Stream, string Subscriber), long> batch;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    return;
                }

                batch = _pending;
                _pending = [];
                _inFlight = batch;
            }

            try
            {
                await log.SaveCheckpointsAsync(
                    batch.Select(p => new StreamCheckpoint(p.Key.Stream, p.Key.Subscriber, p.Value)).ToArray(),
                    cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                lock (_lock)
                {
                    // Newer marks made during the failed write win over the batch's.
                    foreach (var (key, position) in batch)
                    {
                        _pending.TryAdd(key, position);
                    }
                }

                throw;
            }
            finally
            {
                lock (_lock)
                {
                    _inFlight = [];
                }
            }
        }
        finally
        {
            _flushGate.Release();
        }
    }
}

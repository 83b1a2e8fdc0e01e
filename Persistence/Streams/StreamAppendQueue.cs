using System.Threading.Channels;
using VibeCoder.Runtime.Streams;

namespace VibeCoder.Persistence;

/// <summary>
/// Group commit for a database stream log: concurrent appends queue here and a writer loop commits whatever is waiting
/// (up to the batch size) in a single transaction, so throughput grows with concurrency instead of paying a round trip
/// and a commit per item. A publisher's task completes only after its batch committed.
/// </summary>
/// <remarks>
/// Streams are spread over <c>lanes</c> writer loops by a hash of their id; each lane has its own queue and commits one
/// batch at a time, so a stream's requests are always committed by the same lane in the order they were queued (items a
/// producer queues one after another get increasing sequence numbers, and the commit observer sees each stream's commits
/// in order), while lanes commit in parallel on their own connections without ever locking the same stream head. Each
/// queue is bounded; when the database falls behind, publishers wait to enqueue (back-pressure).
/// </remarks>
internal sealed class StreamAppendQueue : IAsyncDisposable
{
    private readonly Lane[] _lanes;
    private readonly Func<int, IReadOnlyList<AppendRequest>, CancellationToken, Task> _commit;
    private readonly int _batchSize;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    /// <param name="commit">Commits a batch of one lane (0-based) in one transaction, setting every event's sequence number; throws to fail the whole batch.</param>
    /// <param name="batchSize">The most items one commit takes (a single larger request is committed alone).</param>
    /// <param name="lanes">How many writers commit concurrently.</param>
    public StreamAppendQueue(Func<int, IReadOnlyList<AppendRequest>, CancellationToken, Task> commit, int batchSize, int lanes = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        _commit = commit;
        _batchSize = batchSize;
        _lanes = Enumerable.Range(0, lanes).Select(_ => new Lane(Math.Max(1024, batchSize * 16))).ToArray();
    }

    /// <summary>Queues events for the next commit; completes with the last event's sequence number once committed.</summary>
    public async Task<long> AppendAsync(StreamId stream, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken)
    {
        var index = _lanes.Length == 1 ? 0 : (int)((uint)stream.GetHashCode() % (uint)_lanes.Length);
        var lane = _lanes[index];
        lane.EnsureStarted(() => RunAsync(index, lane.Channel.Reader));
        var request = new AppendRequest(stream, events);
        try
        {
            await lane.Channel.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException exception)
        {
            throw new ObjectDisposedException("The stream log is closed; the items were not stored.", exception);
        }

        return await request.Completion.Task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Let queued appends commit (their publishers wait for them); give up on them only if the database hangs.
        foreach (var lane in _lanes)
        {
            lane.Channel.Writer.TryComplete();
        }

        try
        {
            await Task.WhenAll(_lanes.Select(l => l.Loop ?? Task.CompletedTask)).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        foreach (var lane in _lanes)
        {
            while (lane.Channel.Reader.TryRead(out var left))
            {
                left.Completion.TrySetException(new ObjectDisposedException("The stream log closed before the items were stored."));
            }
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(int lane, ChannelReader<AppendRequest> reader)
    {
        var batch = new List<AppendRequest>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var count = 0;
            while (count < _batchSize && reader.TryRead(out var request))
            {
                batch.Add(request);
                count += request.Events.Count;
            }

            try
            {
                await _commit(lane, batch, _stopping.Token).ConfigureAwait(false);
                foreach (var request in batch)
                {
                    request.Completion.TrySetResult(request.Events[^1].Sequence);
                }
            }
            catch (Exception exception)
            {
                foreach (var request in batch)
                {
                    request.Completion.TrySetException(exception);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>One writer: its queue and its loop (started on first use).</summary>
    private sealed class Lane(int capacity)
    {
        private readonly Lock _startLock = new();
        private volatile Task? _loop;

        public Channel<AppendRequest> Channel { get; } = System.Threading.Channels.Channel.CreateBounded<AppendRequest>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        public Task? Loop => _loop;

        public void EnsureStarted(Func<Task> run)
        {
            if (_loop is not null)
            {
                return;
            }

            lock (_startLock)
            {
                _loop ??= Task.Run(run);
            }
        }
    }
}

/// <summary>One publisher's events waiting in a <see cref="StreamAppendQueue"/>.</summary>
internal sealed class AppendRequest(StreamId stream, IReadOnlyList<StreamEvent> events)
{
    public StreamId Stream { get; } = stream;

    public IReadOnlyList<StreamEvent> Events { get; } = events;

    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

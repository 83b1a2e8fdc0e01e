namespace VibeCoder.Silo.Logging;

/// <summary>
/// The last log events, in a ring of fixed size, for the dashboard's live tail. Writers take one short lock per
/// event; readers copy out what is newer than the sequence number they last saw.
/// </summary>
public sealed class LogTail
{
    private readonly LogTailEntry?[] _ring;
    private readonly Lock _lock = new();
    private long _next = 1;

    /// <summary>Creates a tail keeping <paramref name="capacity"/> events.</summary>
    public LogTail(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new LogTailEntry?[capacity];
    }

    /// <summary>The sequence number the next event will get.</summary>
    public long NextSequence
    {
        get
        {
            lock (_lock)
            {
                return _next;
            }
        }
    }

    /// <summary>Adds an event, stamping its sequence number.</summary>
    public void Add(Func<long, LogTailEntry> create)
    {
        lock (_lock)
        {
            var sequence = _next++;
            _ring[sequence % _ring.Length] = create(sequence);
        }
    }

    /// <summary>The kept events with a sequence number above <paramref name="after"/>, oldest first, at most <paramref name="limit"/> (the newest).</summary>
    public IReadOnlyList<LogTailEntry> After(long after, int limit)
    {
        lock (_lock)
        {
            var first = Math.Max(Math.Max(after + 1, _next - _ring.Length), _next - Math.Max(limit, 0));
            var result = new List<LogTailEntry>((int)Math.Max(0, _next - first));
            for (var sequence = Math.Max(first, 1); sequence < _next; sequence++)
            {
                result.Add(_ring[sequence % _ring.Length]!);
            }

            return result;
        }
    }
}

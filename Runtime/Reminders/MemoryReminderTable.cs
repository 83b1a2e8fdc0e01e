namespace VibeCoder.Runtime.Reminders;

/// <summary>
/// Reminders kept in process memory: they do not survive a restart. For tests and single-process development.
/// </summary>
/// <remarks>
/// Behaves like the database tables: every upsert gives the row a new unique ETag (so a tag from a removed and
/// re-created row never matches), and <see cref="ReminderEntry.StartAt"/> is kept in UTC with microsecond
/// precision, as PostgreSQL keeps it. Locking: one lock guards the table; results are copied out under it.
/// </remarks>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly SortedDictionary<ReminderKey, ReminderEntry> _rows = new(ReminderKeyComparer.Instance);
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _rows.Values]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>(
                [.. _rows.Where(row => row.Key.GrainId == grainId).Select(row => row.Value)]);
        }
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault(new ReminderKey(grainId, name)));
        }
    }

    /// <inheritdoc />
    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        var eTag = Guid.NewGuid().ToString("N");
        var stored = entry with { StartAt = ToStoredPrecision(entry.StartAt), ETag = eTag };
        lock (_lock)
        {
            _rows[new ReminderKey(entry.GrainId, entry.Name)] = stored;
        }

        return Task.FromResult(eTag);
    }

    /// <inheritdoc />
    public Task<bool> RemoveRowAsync(GrainId grainId, string name, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        var key = new ReminderKey(grainId, name);
        lock (_lock)
        {
            return Task.FromResult(
                _rows.TryGetValue(key, out var row) && string.Equals(row.ETag, eTag, StringComparison.Ordinal) && _rows.Remove(key));
        }
    }

    /// <summary>UTC, truncated to whole microseconds: what a PostgreSQL <c>timestamptz</c> keeps.</summary>
    private static DateTimeOffset ToStoredPrecision(DateTimeOffset value)
    {
        var utcTicks = value.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    private readonly record struct ReminderKey(GrainId GrainId, string Name);

    /// <summary>Orders rows by grain type, grain key, name (ordinal), as the database tables return them.</summary>
    private sealed class ReminderKeyComparer : IComparer<ReminderKey>
    {
        public static readonly ReminderKeyComparer Instance = new();

        public int Compare(ReminderKey x, ReminderKey y)
        {
            var byType = string.CompareOrdinal(x.GrainId.Type, y.GrainId.Type);
            if (byType != 0)
            {
                return byType;
            }

            var byKey = string.CompareOrdinal(x.GrainId.Key, y.GrainId.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}

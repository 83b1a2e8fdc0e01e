namespace VibeCoder.Runtime.Reminders;

/// <summary>
/// Durable storage of reminders. Orleans: <c>IReminderTable</c>. Rows are keyed by (grain id, name); each
/// upsert gives the row a new ETag; removal succeeds only with the current ETag.
/// </summary>
public interface IReminderTable
{
    /// <summary>Creates tables if they are missing. Idempotent; called once at silo start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>All reminders (a single silo owns them all; a cluster filters by ownership afterwards).</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>The reminders of one grain.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>One reminder, or null when it does not exist.</summary>
    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string name, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a reminder; returns the row's new ETag.</summary>
    Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes a reminder if <paramref name="eTag"/> is current; true when a row was removed.</summary>
    Task<bool> RemoveRowAsync(GrainId grainId, string name, string eTag, CancellationToken cancellationToken);
}

using System.Collections.Concurrent;

namespace VibeCoder.Persistence.Sqlite;

/// <summary>
/// The one-writer discipline of a SQLite file inside this process: every writing command waits here, asynchronously and
/// in arrival order, instead of colliding in SQLite's lock.
/// </summary>
/// <remarks>
/// SQLite admits one writer at a time. Without this gate, concurrent writers of one process meet <c>SQLITE_BUSY</c>;
/// SQLite's busy handler then sleeps in steps of up to 100 ms and Microsoft.Data.Sqlite adds 150 ms sleeps of its own,
/// blocking pool threads. A webhook insert queued behind a stream poll would wait for a sleep to end rather than for
/// the poll (tens of microseconds). Readers never take the gate (WAL lets them read beside the writer). Writers from
/// other processes are still possible and are covered by the busy timeout.
/// </remarks>
internal sealed class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _semaphore = new(1, 1);

    private SqliteWriteGate()
    {
    }

    /// <summary>The gate of a database file; one per file per process, whoever opens it.</summary>
    public static SqliteWriteGate For(string databaseFile) => Gates.GetOrAdd(Path.GetFullPath(databaseFile), static _ => new SqliteWriteGate());

    public Task EnterAsync(CancellationToken cancellationToken) => _semaphore.WaitAsync(cancellationToken);

    public void Enter() => _semaphore.Wait();

    public void Exit() => _semaphore.Release();
}

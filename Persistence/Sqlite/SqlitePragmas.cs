namespace VibeCoder.Persistence.Sqlite;

/// <summary>The per-connection pragmas every SQLite connection of this library runs with.</summary>
/// <param name="BusyTimeout">
/// How long SQLite itself waits for another process's write lock before <c>SQLITE_BUSY</c> (its handler sleeps in
/// short steps); writers of this process queue at the write gate instead.
/// </param>
/// <param name="Synchronous">
/// <c>NORMAL</c>: in WAL mode a commit is durable against a process crash and consistent after a power loss (the last
/// commits may be lost then), without an fsync per commit.
/// </param>
internal sealed record SqlitePragmas(TimeSpan BusyTimeout, string Synchronous)
{
    public static SqlitePragmas Default { get; } = new(TimeSpan.FromSeconds(10), "NORMAL");
}

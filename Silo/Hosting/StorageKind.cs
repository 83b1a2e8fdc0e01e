namespace VibeCoder.Silo.Hosting;

/// <summary>Where grain state, reminders and the event log live (environment variable <c>STORAGE</c>).</summary>
public enum StorageKind
{
    /// <summary>A SQLite file (the embedded default; <c>SQLITE_PATH</c>, default <c>./data/vibecoder.db</c>).</summary>
    Sqlite,

    /// <summary>PostgreSQL (production; <c>POSTGRES_URL</c>).</summary>
    Postgres,

    /// <summary>Process memory: nothing survives a restart (tests, demos).</summary>
    Memory,
}

using Microsoft.Data.Sqlite;
using VibeCoder.Persistence;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Streams;

namespace VibeCoder.Streams.Tests.Infrastructure;

/// <summary>Where a test silo keeps its streams: memory, a SQLite file, or a PostgreSQL database.</summary>
public abstract class StreamBackend : IAsyncDisposable
{
    public abstract bool IsDurable { get; }

    public abstract void AddStreams(ISiloBuilder silo, string name, Action<StreamOptions> configure);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public sealed class Memory : StreamBackend
    {
        public override bool IsDurable => false;

        public override void AddStreams(ISiloBuilder silo, string name, Action<StreamOptions> configure) =>
            silo.AddMemoryStreams(name, configure);

        public override string ToString() => "memory";
    }

    public sealed class Sqlite : StreamBackend
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "vibecoder-streams-tests-" + Guid.NewGuid().ToString("N"));

        public string DatabasePath => Path.Combine(_directory, "streams.db");

        public override bool IsDurable => true;

        public override void AddStreams(ISiloBuilder silo, string name, Action<StreamOptions> configure) =>
            silo.AddSqliteStreams(name, o => o.Path = DatabasePath, configure);

        public override ValueTask DisposeAsync()
        {
            // Pooled connections keep the file open; close them before deleting it.
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }

            return ValueTask.CompletedTask;
        }

        public override string ToString() => "sqlite";
    }

    public sealed class Postgres(string connectionString) : StreamBackend
    {
        public string ConnectionString { get; } = connectionString;

        public override bool IsDurable => true;

        public override void AddStreams(ISiloBuilder silo, string name, Action<StreamOptions> configure) =>
            silo.AddPostgresStreams(name, o => o.ConnectionString = ConnectionString, configure);

        public override string ToString() => "postgres";
    }
}

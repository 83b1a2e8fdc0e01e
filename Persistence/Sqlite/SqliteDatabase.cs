using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace VibeCoder.Persistence;

/// <summary>
/// One SQLite database file as every provider in this process uses it: a pooled connection per operation, and an
/// in-process writer gate.
/// </summary>
/// <remarks>
/// Why the gate: SQLite allows one writer per file at a time. Microsoft.Data.Sqlite's async methods run
/// synchronously, so writers racing for the file lock would each block a thread-pool thread in SQLite's busy
/// handler; queueing them on a <see cref="SemaphoreSlim"/> waits asynchronously instead and keeps the order fair.
/// Readers take no gate: in WAL mode they run beside the writer and see the last committed state. Writers in other
/// processes still serialize through SQLite's file lock with a busy timeout. Instances are process-wide, one per
/// full path, because the gate must be.
/// </remarks>
internal sealed class SqliteDatabase
{
    private static readonly ConcurrentDictionary<string, SqliteDatabase> Databases = new(StringComparer.Ordinal);

    // Run on every opened connection: the settings are per connection and a pooled one may be new.
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lazy<bool> _fileReady;

    private SqliteDatabase(string fullPath)
    {
        FullPath = fullPath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        // PublicationOnly: a failure (say, a directory not yet writable) is retried next time rather than cached.
        _fileReady = new Lazy<bool>(PrepareFile, LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The database file's full path.</summary>
    public string FullPath { get; }

    /// <summary>The process-wide instance for a path (relative paths resolve against the working directory).</summary>
    public static SqliteDatabase ForPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Databases.GetOrAdd(System.IO.Path.GetFullPath(path), static fullPath => new SqliteDatabase(fullPath));
    }

    /// <summary>Opens a pooled connection for reading.</summary>
    public SqliteConnection OpenConnection()
    {
        _ = _fileReady.Value;
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="write"/> on a pooled connection while holding the writer gate.</summary>
    public async Task<T> WriteAsync<T, TState>(Func<SqliteConnection, TState, T> write, TState state, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = OpenConnection();
            return write(connection, state);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Runs <c>SELECT 1</c>.</summary>
    public Task PingAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        command.ExecuteScalar();
        return Task.CompletedTask;
    }

    /// <summary>Runs DDL (idempotent statements) under the writer gate.</summary>
    public Task ApplySchemaAsync(string ddl, CancellationToken cancellationToken) =>
        WriteAsync(
            static (connection, sql) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                return command.ExecuteNonQuery();
            },
            ddl,
            cancellationToken);

    /// <summary>Creates the directory and switches the file to WAL (a setting stored in the file), once per process.</summary>
    private bool PrepareFile()
    {
        var directory = System.IO.Path.GetDirectoryName(FullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
        return true;
    }
}

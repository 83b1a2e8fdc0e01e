using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence;

/// <summary>
/// Grain state in a SQLite file, the embedded default: one row per (grain type, grain key, state name) in table
/// <c>grain_state</c>, the payload as JSON <c>TEXT</c>.
/// </summary>
/// <remarks>
/// Same rules as <see cref="PostgresGrainStorage"/>: the ETag is the row's version, checked in the one statement
/// that writes (<c>INSERT … ON CONFLICT DO NOTHING RETURNING</c> / <c>UPDATE … WHERE version = $version
/// RETURNING</c>); no row back means the tag was stale and nothing changed. A clear leaves a tombstone. The file is
/// in WAL mode; writes in this process queue on the database's writer gate, reads do not (see
/// <see cref="SqliteDatabase"/>).
/// </remarks>
public sealed partial class SqliteGrainStorage : IGrainStorage, IStorageBackend
{
    private const string Provider = "sqlite";

    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_key  TEXT NOT NULL,
            state_name TEXT NOT NULL,
            version    INTEGER NOT NULL,
            payload    TEXT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        );
        """;

    private const string KeyCondition = "grain_type = $type AND grain_key = $key AND state_name = $name";

    private const string ReadSql = $"SELECT version, payload FROM grain_state WHERE {KeyCondition}";

    private const string ReadVersionSql = $"SELECT version FROM grain_state WHERE {KeyCondition}";

    private const string Now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    private const string InsertSql = $"""
        INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload, updated_at)
        VALUES ($type, $key, $name, 1, $payload, {Now})
        ON CONFLICT (grain_type, grain_key, state_name) DO NOTHING
        RETURNING version
        """;

    private const string UpdateSql = $"""
        UPDATE grain_state SET payload = $payload, version = version + 1, updated_at = {Now}
        WHERE {KeyCondition} AND version = $version
        RETURNING version
        """;

    private readonly SqliteDatabase _database;
    private readonly IGrainStateSerializer _serializer;
    private readonly ILogger _logger;

    /// <summary>Creates the provider. Call <see cref="InitializeAsync"/> once before use (the silo does it at start).</summary>
    /// <param name="options">The database file.</param>
    /// <param name="serializer">Turns state into the stored JSON and back.</param>
    /// <param name="name">The provider's registered name, for messages.</param>
    /// <param name="logger">Receives conflict and start-up messages.</param>
    public SqliteGrainStorage(
        SqliteStorageOptions options,
        IGrainStateSerializer serializer,
        string name = PersistentStateAttribute.DefaultStorageName,
        ILogger<SqliteGrainStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serializer);
        _database = SqliteDatabase.ForPath(options.Path);
        _serializer = serializer;
        _logger = logger ?? NullLogger<SqliteGrainStorage>.Instance;
        Description = $"SQLite grain storage '{name}' at {_database.FullPath}";
    }

    /// <summary>Names the provider and its file for messages.</summary>
    public string Description { get; }

    /// <summary>Creates the file, its directory and table <c>grain_state</c> if they are missing. Idempotent.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _database.ApplySchemaAsync(Schema, cancellationToken).ConfigureAwait(false);
        Log.SchemaReady(_logger, Description);
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var measurement = StorageMetrics.Start(Provider, StorageOperation.Read);
        try
        {
            using var connection = _database.OpenConnection();
            using var command = CreateKeyedCommand(connection, ReadSql, grainId, stateName);
            using var reader = command.ExecuteReader(System.Data.CommandBehavior.SingleRow);
            if (!reader.Read())
            {
                grainState.ETag = null;
                grainState.RecordExists = false;
            }
            else
            {
                var hasPayload = !reader.IsDBNull(1);
                if (hasPayload)
                {
                    // The TEXT column's bytes are its UTF-8 encoding: no string in between.
                    grainState.State = _serializer.Deserialize<T>(reader.GetFieldValue<byte[]>(1));
                }

                grainState.ETag = StateVersion.Format(reader.GetInt64(0));
                grainState.RecordExists = hasPayload;
            }

            measurement.Succeeded();
            return Task.CompletedTask;
        }
        catch (Exception exception)
        {
            // SQLite works synchronously; the failure still travels in the task, as an async method's would.
            measurement.Failed(exception);
            return Task.FromException(exception);
        }
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = Encoding.UTF8.GetString(_serializer.Serialize(grainState.State));
        grainState.ETag = await ReplaceAsync(StorageOperation.Write, grainId, stateName, grainState.ETag, payload, cancellationToken).ConfigureAwait(false);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        grainState.ETag = await ReplaceAsync(StorageOperation.Clear, grainId, stateName, grainState.ETag, payload: null, cancellationToken).ConfigureAwait(false);
        grainState.RecordExists = false;
    }

    /// <inheritdoc />
    Task IStorageBackend.PingAsync(CancellationToken cancellationToken) => _database.PingAsync(cancellationToken);

    /// <summary>Stores <paramref name="payload"/> (null = tombstone) if <paramref name="eTag"/> is current; returns the new tag.</summary>
    private async Task<string> ReplaceAsync(string operation, GrainId grainId, string stateName, string? eTag, string? payload, CancellationToken cancellationToken)
    {
        var measurement = StorageMetrics.Start(Provider, operation);
        try
        {
            var (newVersion, storedVersion) = await _database.WriteAsync(
                static (connection, request) =>
                {
                    using var command = CreateKeyedCommand(connection, request.ETag is null ? InsertSql : UpdateSql, request.GrainId, request.StateName);
                    command.Parameters.AddWithValue("$payload", (object?)request.Payload ?? DBNull.Value);
                    if (request.ETag is not null)
                    {
                        command.Parameters.AddWithValue("$version", StateVersion.Parse(request.ETag));
                    }

                    if (command.ExecuteScalar() is long version)
                    {
                        return (NewVersion: (long?)version, StoredVersion: (long?)null);
                    }

                    // No row came back: the tag was stale. Read what is stored only to say so in the message.
                    using var read = CreateKeyedCommand(connection, ReadVersionSql, request.GrainId, request.StateName);
                    return (NewVersion: null, StoredVersion: read.ExecuteScalar() as long?);
                },
                (GrainId: grainId, StateName: stateName, ETag: eTag, Payload: payload),
                cancellationToken).ConfigureAwait(false);

            if (newVersion is not { } written)
            {
                Log.VersionConflict(_logger, operation, stateName, grainId, eTag, storedVersion);
                throw StateVersion.Conflict(grainId, stateName, eTag, storedVersion);
            }

            measurement.Succeeded();
            return StateVersion.Format(written);
        }
        catch (Exception exception)
        {
            measurement.Failed(exception);
            throw;
        }
    }

    /// <summary>A command whose parameters $type, $key and $name are the row's key.</summary>
    private static SqliteCommand CreateKeyedCommand(SqliteConnection connection, string sql, GrainId grainId, string stateName)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$name", stateName);
        return command;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Storage}: schema ready")]
        public static partial void SchemaReady(ILogger logger, string storage);

        [LoggerMessage(EventId = 2, Level = LogLevel.Debug,
            Message = "Version conflict on {Operation} of state {StateName} of grain {GrainId}: presented ETag {PresentedETag}, stored version {StoredVersion}")]
        public static partial void VersionConflict(ILogger logger, string operation, string stateName, GrainId grainId, string? presentedETag, long? storedVersion);
    }
}

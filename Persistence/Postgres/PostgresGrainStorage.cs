using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence;

/// <summary>
/// Grain state in PostgreSQL, one row per (grain type, grain key, state name) in table <c>grain_state</c>, the
/// payload as <c>jsonb</c>. Orleans: the AdoNet grain storage.
/// </summary>
/// <remarks>
/// The ETag is the row's version. Optimistic concurrency is decided by the database in the one statement that
/// writes: <c>INSERT … ON CONFLICT DO NOTHING</c> when the caller has no tag, <c>UPDATE … WHERE version = @tag</c>
/// otherwise, both <c>RETURNING</c> the new version. No row back means the tag was stale and nothing changed, even
/// with concurrent writers (the row lock makes a second UPDATE re-check the version). A clear is the same update
/// with a null payload, leaving a tombstone whose version keeps counting. One round trip per write; statements are
/// prepared on each pooled connection once. <c>jsonb</c> normalises whitespace and key order, which deserializing
/// does not notice.
/// </remarks>
public sealed partial class PostgresGrainStorage : IGrainStorage, IStorageBackend
{
    private const string Provider = "postgres";

    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type text COLLATE "C" NOT NULL,
            grain_key  text COLLATE "C" NOT NULL,
            state_name text COLLATE "C" NOT NULL,
            version    bigint NOT NULL,
            payload    jsonb NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (grain_type, grain_key, state_name)
        ) WITH (fillfactor = 90);
        """;

    private const string ReadSql =
        "SELECT version, payload FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3";

    internal const string ReadVersionSql =
        "SELECT version FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3";

    internal const string InsertSql = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload, updated_at)
        VALUES ($1, $2, $3, 1, $4, now())
        ON CONFLICT (grain_type, grain_key, state_name) DO NOTHING
        RETURNING version
        """;

    internal const string UpdateSql = """
        UPDATE grain_state SET payload = $4, version = version + 1, updated_at = now()
        WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3 AND version = $5
        RETURNING version
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly IGrainStateSerializer _serializer;
    private readonly ILogger _logger;

    /// <summary>Creates the provider. Call <see cref="InitializeAsync"/> once before use (the silo does it at start).</summary>
    /// <param name="dataSource">The database; share one per connection string (see <see cref="PostgresDataSources"/>).</param>
    /// <param name="serializer">Turns state into the stored JSON and back.</param>
    /// <param name="name">The provider's registered name, for messages.</param>
    /// <param name="logger">Receives conflict and start-up messages.</param>
    public PostgresGrainStorage(
        NpgsqlDataSource dataSource,
        IGrainStateSerializer serializer,
        string name = PersistentStateAttribute.DefaultStorageName,
        ILogger<PostgresGrainStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(serializer);
        _dataSource = dataSource;
        _serializer = serializer;
        _logger = logger ?? NullLogger<PostgresGrainStorage>.Instance;
        Description = $"PostgreSQL grain storage '{name}' at {PostgresConnectionString.Describe(dataSource.ConnectionString)}";
    }

    /// <summary>Names the provider and its database for messages; never contains the password.</summary>
    public string Description { get; }

    /// <summary>Creates table <c>grain_state</c> if it is missing. Idempotent; safe when several processes start at once.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await PostgresSchema.ApplyAsync(_dataSource, Schema, cancellationToken).ConfigureAwait(false);
        Log.SchemaReady(_logger, Description);
    }

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var measurement = StorageMetrics.Start(Provider, StorageOperation.Read);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = CreateKeyedCommand(ReadSql, connection, grainId, stateName);
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                grainState.ETag = null;
                grainState.RecordExists = false;
            }
            else
            {
                var version = reader.GetInt64(0);
                var hasPayload = !await reader.IsDBNullAsync(1, cancellationToken).ConfigureAwait(false);
                if (hasPayload)
                {
                    grainState.State = _serializer.Deserialize<T>(await reader.GetFieldValueAsync<byte[]>(1, cancellationToken).ConfigureAwait(false));
                }

                grainState.ETag = StateVersion.Format(version);
                grainState.RecordExists = hasPayload;
            }

            measurement.Succeeded();
        }
        catch (Exception exception)
        {
            measurement.Failed(exception);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = _serializer.Serialize(grainState.State);
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
    Task IStorageBackend.PingAsync(CancellationToken cancellationToken) => PostgresSchema.PingAsync(_dataSource, cancellationToken);

    /// <summary>Stores <paramref name="payload"/> (null = tombstone) if <paramref name="eTag"/> is current; returns the new tag.</summary>
    private async Task<string> ReplaceAsync(string operation, GrainId grainId, string stateName, string? eTag, byte[]? payload, CancellationToken cancellationToken)
    {
        var measurement = StorageMetrics.Start(Provider, operation);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            object? newVersion;
            await using (var command = CreateKeyedCommand(eTag is null ? InsertSql : UpdateSql, connection, grainId, stateName))
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = (object?)payload ?? DBNull.Value });
                if (eTag is not null)
                {
                    command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = StateVersion.Parse(eTag) });
                }

                await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
                newVersion = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }

            if (newVersion is not long version)
            {
                // No row came back: the tag was stale. Read what is stored only to say so in the message.
                var storedVersion = await ReadVersionAsync(connection, grainId, stateName, cancellationToken).ConfigureAwait(false);
                Log.VersionConflict(_logger, operation, stateName, grainId, eTag, storedVersion);
                throw StateVersion.Conflict(grainId, stateName, eTag, storedVersion);
            }

            measurement.Succeeded();
            return StateVersion.Format(version);
        }
        catch (Exception exception)
        {
            measurement.Failed(exception);
            throw;
        }
    }

    private static async Task<long?> ReadVersionAsync(NpgsqlConnection connection, GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var command = CreateKeyedCommand(ReadVersionSql, connection, grainId, stateName);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
    }

    /// <summary>A command whose positional parameters $1..$3 are the row's key.</summary>
    private static NpgsqlCommand CreateKeyedCommand(string sql, NpgsqlConnection connection, GrainId grainId, string stateName)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
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

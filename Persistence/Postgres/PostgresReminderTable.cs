using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Reminders;

namespace VibeCoder.Persistence;

/// <summary>
/// Reminders in PostgreSQL table <c>reminders</c>, one row per (grain type, grain key, name). Orleans: the AdoNet
/// reminder table.
/// </summary>
/// <remarks>
/// Every upsert stores a new unique ETag; removal is one <c>DELETE … WHERE etag = @etag</c>, so a stale tag removes
/// nothing. <see cref="ReminderEntry.StartAt"/> is kept in UTC with microsecond precision, the period exactly.
/// Rows are returned ordered by grain type, grain key and name.
/// </remarks>
public sealed partial class PostgresReminderTable : IReminderTable, IStorageBackend
{
    private const string Provider = "postgres";

    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS reminders (
            grain_type   text COLLATE "C" NOT NULL,
            grain_key    text COLLATE "C" NOT NULL,
            name         text COLLATE "C" NOT NULL,
            start_at     timestamptz NOT NULL,
            period_ticks bigint NOT NULL,
            etag         text NOT NULL,
            PRIMARY KEY (grain_type, grain_key, name)
        );
        """;

    private const string Columns = "grain_type, grain_key, name, start_at, period_ticks, etag";

    private const string ReadAllSql = $"SELECT {Columns} FROM reminders ORDER BY grain_type, grain_key, name";

    private const string ReadRowsSql = $"SELECT {Columns} FROM reminders WHERE grain_type = $1 AND grain_key = $2 ORDER BY name";

    private const string ReadRowSql = $"SELECT {Columns} FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND name = $3";

    private const string UpsertSql = """
        INSERT INTO reminders (grain_type, grain_key, name, start_at, period_ticks, etag)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (grain_type, grain_key, name)
        DO UPDATE SET start_at = excluded.start_at, period_ticks = excluded.period_ticks, etag = excluded.etag
        """;

    private const string RemoveSql = "DELETE FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND name = $3 AND etag = $4";

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>Creates the table accessor. <see cref="InitializeAsync"/> creates the table.</summary>
    /// <param name="dataSource">The database; share one per connection string (see <see cref="PostgresDataSources"/>).</param>
    /// <param name="logger">Receives start-up messages.</param>
    public PostgresReminderTable(NpgsqlDataSource dataSource, ILogger<PostgresReminderTable>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _logger = logger ?? NullLogger<PostgresReminderTable>.Instance;
        Description = $"PostgreSQL reminder table at {PostgresConnectionString.Describe(dataSource.ConnectionString)}";
    }

    /// <summary>Names the table's database for messages; never contains the password.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await PostgresSchema.ApplyAsync(_dataSource, Schema, cancellationToken).ConfigureAwait(false);
        Log.SchemaReady(_logger, Description);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        QueryAsync(ReadAllSql, static _ => { }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync(ReadRowsSql, command => AddGrainParameters(command, grainId), cancellationToken);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var rows = await QueryAsync(
            ReadRowSql,
            command =>
            {
                AddGrainParameters(command, grainId);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
            },
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var measurement = StorageMetrics.Start(Provider, StorageOperation.ReminderUpsert);
        try
        {
            var eTag = ReminderTime.NewETag();
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(UpsertSql, connection);
            AddGrainParameters(command, entry.GrainId);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Name });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = ReminderTime.ToStoredPrecision(entry.StartAt) });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Period.Ticks });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = eTag });
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            measurement.Succeeded();
            return eTag;
        }
        catch (Exception exception)
        {
            measurement.Failed(exception);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> RemoveRowAsync(GrainId grainId, string name, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(eTag);
        var measurement = StorageMetrics.Start(Provider, StorageOperation.ReminderRemove);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(RemoveSql, connection);
            AddGrainParameters(command, grainId);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = eTag });
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            var removed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            measurement.Succeeded();
            return removed;
        }
        catch (Exception exception)
        {
            measurement.Failed(exception);
            throw;
        }
    }

    /// <inheritdoc />
    Task IStorageBackend.PingAsync(CancellationToken cancellationToken) => PostgresSchema.PingAsync(_dataSource, cancellationToken);

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, Action<NpgsqlCommand> addParameters, CancellationToken cancellationToken)
    {
        var measurement = StorageMetrics.Start(Provider, StorageOperation.ReminderRead);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(sql, connection);
            addParameters(command);
            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<ReminderEntry>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(ReadEntry(reader));
            }

            measurement.Succeeded();
            return rows;
        }
        catch (Exception exception)
        {
            measurement.Failed(exception);
            throw;
        }
    }

    private static ReminderEntry ReadEntry(DbDataReader reader) => new(
        new GrainId(reader.GetString(0), reader.GetString(1)),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        TimeSpan.FromTicks(reader.GetInt64(4)),
        reader.GetString(5));

    private static void AddGrainParameters(NpgsqlCommand command, GrainId grainId)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Table}: schema ready")]
        public static partial void SchemaReady(ILogger logger, string table);
    }
}

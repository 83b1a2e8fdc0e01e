using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Reminders;

namespace VibeCoder.Persistence;

/// <summary>Reminders in table <c>reminders</c> of a SQLite file, one row per (grain type, grain key, name).</summary>
/// <remarks>
/// Same rules as <see cref="PostgresReminderTable"/>: a new unique ETag per upsert, removal only with the current
/// tag, <see cref="ReminderEntry.StartAt"/> in UTC with microsecond precision (stored as microseconds since the Unix
/// epoch), rows ordered by grain type, grain key and name.
/// </remarks>
public sealed partial class SqliteReminderTable : IReminderTable, IStorageBackend
{
    private const string Provider = "sqlite";

    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS reminders (
            grain_type         TEXT NOT NULL,
            grain_key          TEXT NOT NULL,
            name               TEXT NOT NULL,
            start_at_unix_us   INTEGER NOT NULL,
            period_ticks       INTEGER NOT NULL,
            etag               TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_key, name)
        );
        """;

    private const string Columns = "grain_type, grain_key, name, start_at_unix_us, period_ticks, etag";

    private const string ReadAllSql = $"SELECT {Columns} FROM reminders ORDER BY grain_type, grain_key, name";

    private const string ReadRowsSql = $"SELECT {Columns} FROM reminders WHERE grain_type = $type AND grain_key = $key ORDER BY name";

    private const string ReadRowSql = $"SELECT {Columns} FROM reminders WHERE grain_type = $type AND grain_key = $key AND name = $name";

    private const string UpsertSql = """
        INSERT INTO reminders (grain_type, grain_key, name, start_at_unix_us, period_ticks, etag)
        VALUES ($type, $key, $name, $start, $period, $etag)
        ON CONFLICT (grain_type, grain_key, name)
        DO UPDATE SET start_at_unix_us = excluded.start_at_unix_us, period_ticks = excluded.period_ticks, etag = excluded.etag
        """;

    private const string RemoveSql = "DELETE FROM reminders WHERE grain_type = $type AND grain_key = $key AND name = $name AND etag = $etag";

    private readonly SqliteDatabase _database;
    private readonly ILogger _logger;

    /// <summary>Creates the table accessor. <see cref="InitializeAsync"/> creates the table.</summary>
    /// <param name="options">The database file.</param>
    /// <param name="logger">Receives start-up messages.</param>
    public SqliteReminderTable(SqliteStorageOptions options, ILogger<SqliteReminderTable>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = SqliteDatabase.ForPath(options.Path);
        _logger = logger ?? NullLogger<SqliteReminderTable>.Instance;
        Description = $"SQLite reminder table at {_database.FullPath}";
    }

    /// <summary>Names the table's file for messages.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _database.ApplySchemaAsync(Schema, cancellationToken).ConfigureAwait(false);
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
                command.Parameters.AddWithValue("$name", name);
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
            await _database.WriteAsync(
                static (connection, request) =>
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = UpsertSql;
                    AddGrainParameters(command, request.Entry.GrainId);
                    command.Parameters.AddWithValue("$name", request.Entry.Name);
                    command.Parameters.AddWithValue("$start", ReminderTime.ToUnixMicroseconds(request.Entry.StartAt));
                    command.Parameters.AddWithValue("$period", request.Entry.Period.Ticks);
                    command.Parameters.AddWithValue("$etag", request.ETag);
                    return command.ExecuteNonQuery();
                },
                (Entry: entry, ETag: eTag),
                cancellationToken).ConfigureAwait(false);
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
            var removed = await _database.WriteAsync(
                static (connection, request) =>
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = RemoveSql;
                    AddGrainParameters(command, request.GrainId);
                    command.Parameters.AddWithValue("$name", request.Name);
                    command.Parameters.AddWithValue("$etag", request.ETag);
                    return command.ExecuteNonQuery() == 1;
                },
                (GrainId: grainId, Name: name, ETag: eTag),
                cancellationToken).ConfigureAwait(false);
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
    Task IStorageBackend.PingAsync(CancellationToken cancellationToken) => _database.PingAsync(cancellationToken);

    private Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, Action<SqliteCommand> addParameters, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<ReminderEntry>>(cancellationToken);
        }

        var measurement = StorageMetrics.Start(Provider, StorageOperation.ReminderRead);
        try
        {
            using var connection = _database.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            addParameters(command);
            using var reader = command.ExecuteReader();
            var rows = new List<ReminderEntry>();
            while (reader.Read())
            {
                rows.Add(new ReminderEntry(
                    new GrainId(reader.GetString(0), reader.GetString(1)),
                    reader.GetString(2),
                    ReminderTime.FromUnixMicroseconds(reader.GetInt64(3)),
                    TimeSpan.FromTicks(reader.GetInt64(4)),
                    reader.GetString(5)));
            }

            measurement.Succeeded();
            return Task.FromResult<IReadOnlyList<ReminderEntry>>(rows);
        }
        catch (Exception exception)
        {
            // SQLite works synchronously; the failure still travels in the task, as an async method's would.
            measurement.Failed(exception);
            return Task.FromException<IReadOnlyList<ReminderEntry>>(exception);
        }
    }

    private static void AddGrainParameters(SqliteCommand command, GrainId grainId)
    {
        command.Parameters.AddWithValue("$type", grainId.Type);
        command.Parameters.AddWithValue("$key", grainId.Key);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Table}: schema ready")]
        public static partial void SchemaReady(ILogger logger, string table);
    }
}

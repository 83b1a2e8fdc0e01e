using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Streams;

namespace VibeCoder.Persistence;

/// <summary>
/// The SQLite stream log, the embedded default: the same tables as <see cref="PostgresStreamLog"/> in the grain-state
/// file (payload as JSON <c>TEXT</c>, times as Unix microseconds).
/// </summary>
/// <remarks>
/// Commits go through the file's writer gate and SQLite's single-writer lock, one transaction per batch of queued
/// appends; each stream's head row is bumped with <c>RETURNING</c> in that transaction, so sequence numbers commit in
/// order. New items reach this process's subscribers through the commit observer (an in-process signal); items written
/// by another process are found by the provider's safety poll, since SQLite has no notifications.
/// </remarks>
internal sealed partial class SqliteStreamLog : IStreamLog, IStorageBackend
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS stream_heads (
            provider   TEXT NOT NULL,
            namespace  TEXT NOT NULL,
            stream_key TEXT NOT NULL,
            last_seq   INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (provider, namespace, stream_key)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS stream_heads_updated ON stream_heads (provider, updated_at);
        -- A rowid table with the key as a unique index: rows carry payloads, and SQLite appends them several
        -- times faster than it inserts them into a WITHOUT ROWID b-tree clustered on the key.
        CREATE TABLE IF NOT EXISTS stream_events (
            provider   TEXT NOT NULL,
            namespace  TEXT NOT NULL,
            stream_key TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            payload    TEXT NOT NULL,
            headers    TEXT NULL,
            PRIMARY KEY (provider, namespace, stream_key, seq)
        );
        CREATE TABLE IF NOT EXISTS stream_subscriptions (
            provider        TEXT NOT NULL,
            handle_id       TEXT NOT NULL,
            namespace       TEXT NOT NULL,
            stream_key      TEXT NOT NULL,
            grain_type      TEXT NULL,
            grain_key       TEXT NULL,
            grain_interface TEXT NULL,
            item_type       TEXT NOT NULL,
            created_at      INTEGER NOT NULL,
            PRIMARY KEY (provider, handle_id)
        );
        CREATE TABLE IF NOT EXISTS stream_checkpoints (
            provider   TEXT NOT NULL,
            namespace  TEXT NOT NULL,
            stream_key TEXT NOT NULL,
            subscriber TEXT NOT NULL,
            position   INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (provider, namespace, stream_key, subscriber)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS stream_dead_letters (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            provider   TEXT NOT NULL,
            namespace  TEXT NOT NULL,
            stream_key TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            subscriber TEXT NOT NULL,
            attempts   INTEGER NOT NULL,
            error      TEXT NOT NULL,
            payload    TEXT NOT NULL,
            failed_at  INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS stream_dead_letters_provider ON stream_dead_letters (provider, id);
        """;

    private const string StreamCondition = "provider = $provider AND namespace = $namespace AND stream_key = $key";

    private const string BumpHeadSql = """
        INSERT INTO stream_heads (provider, namespace, stream_key, last_seq, updated_at)
        VALUES ($provider, $namespace, $key, $added, $now)
        ON CONFLICT (provider, namespace, stream_key)
        DO UPDATE SET last_seq = last_seq + excluded.last_seq, updated_at = excluded.updated_at
        RETURNING last_seq
        """;

    private const string InsertEventSql = """
        INSERT INTO stream_events (provider, namespace, stream_key, seq, created_at, payload, headers)
        VALUES ($provider, $namespace, $key, $seq, $created, $payload, $headers)
        """;

    private const string ReadSql = $"""
        SELECT seq, created_at, payload, headers FROM stream_events
        WHERE {StreamCondition} AND seq > $after ORDER BY seq LIMIT $limit
        """;

    private const string FindSequenceSql = $"SELECT min(seq) FROM stream_events WHERE {StreamCondition} AND created_at >= $from";

    private const string HeadSql = $"SELECT last_seq FROM stream_heads WHERE {StreamCondition}";

    private const string HeadsSql = "SELECT namespace, stream_key, last_seq FROM stream_heads WHERE provider = $provider AND updated_at >= $since";

    private const string SubscriptionsSql = """
        SELECT handle_id, namespace, stream_key, grain_type, grain_key, grain_interface, item_type, created_at
        FROM stream_subscriptions WHERE provider = $provider
        """;

    private const string SaveSubscriptionSql = """
        INSERT INTO stream_subscriptions (provider, handle_id, namespace, stream_key, grain_type, grain_key, grain_interface, item_type, created_at)
        VALUES ($provider, $handle, $namespace, $key, $grainType, $grainKey, $grainInterface, $itemType, $created)
        ON CONFLICT (provider, handle_id) DO UPDATE SET grain_type = excluded.grain_type, grain_key = excluded.grain_key,
            grain_interface = excluded.grain_interface, item_type = excluded.item_type
        """;

    private const string SaveCheckpointSql = """
        INSERT INTO stream_checkpoints (provider, namespace, stream_key, subscriber, position, updated_at)
        VALUES ($provider, $namespace, $key, $subscriber, $position, $now)
        ON CONFLICT (provider, namespace, stream_key, subscriber) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
        """;

    private const string DeleteSubscriptionSql = """
        DELETE FROM stream_subscriptions WHERE provider = $provider AND handle_id = $handle;
        DELETE FROM stream_checkpoints WHERE provider = $provider AND namespace = $namespace AND stream_key = $key AND subscriber = $subscriber;
        """;

    private const string CheckpointsSql = "SELECT namespace, stream_key, subscriber, position FROM stream_checkpoints WHERE provider = $provider";

    private const string StreamCheckpointsSql = $"SELECT namespace, stream_key, subscriber, position FROM stream_checkpoints WHERE {StreamCondition}";

    private const string AddDeadLetterSql = """
        INSERT INTO stream_dead_letters (provider, namespace, stream_key, seq, subscriber, attempts, error, payload, failed_at)
        VALUES ($provider, $namespace, $key, $seq, $subscriber, $attempts, $error, $payload, $failed)
        """;

    private const string CountDeadLettersSql = "SELECT count(*) FROM stream_dead_letters WHERE provider = $provider";

    private const string DeadLettersSql = """
        SELECT namespace, stream_key, seq, subscriber, attempts, error, failed_at, payload
        FROM stream_dead_letters WHERE provider = $provider ORDER BY id DESC LIMIT $limit
        """;

    private const string TrimSql = $"""
        DELETE FROM stream_events WHERE {StreamCondition}
          AND seq <= $safe AND (seq <= $countLimit OR created_at < $olderThan)
        """;

    private readonly string _provider;
    private readonly SqliteDatabase _database;
    private readonly StreamAppendQueue _appends;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private Action<StreamId, IReadOnlyList<StreamEvent>>? _observer;

    /// <param name="provider">The stream provider's name (separates its rows).</param>
    /// <param name="options">The database file.</param>
    /// <param name="publishBatchSize">The most items one commit takes.</param>
    /// <param name="time">The clock for head change times.</param>
    /// <param name="logger">Receives start-up messages.</param>
    public SqliteStreamLog(string provider, SqliteStorageOptions options, int publishBatchSize, TimeProvider time, ILogger<SqliteStreamLog>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentNullException.ThrowIfNull(options);
        _provider = provider;
        _database = SqliteDatabase.ForPath(options.Path);
        _time = time;
        _logger = logger ?? NullLogger<SqliteStreamLog>.Instance;
        _appends = new StreamAppendQueue(CommitAsync, publishBatchSize);
        Description = $"SQLite stream log '{provider}' at {_database.FullPath}";
    }

    public string Description { get; }

    public bool IsDurable => true;

    public void SetCommitObserver(Action<StreamId, IReadOnlyList<StreamEvent>> observer) => _observer = observer;

    /// <summary>Creates the file, its directory and the stream tables if they are missing. Idempotent.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _database.ApplySchemaAsync(Schema, cancellationToken).ConfigureAwait(false);
        Log.SchemaReady(_logger, Description);
    }

    Task IStorageBackend.PingAsync(CancellationToken cancellationToken) => _database.PingAsync(cancellationToken);

    public Task<long> AppendAsync(StreamId stream, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken) =>
        _appends.AppendAsync(stream, events, cancellationToken);

    public Task<IReadOnlyList<StreamEvent>> ReadAsync(StreamId stream, long afterSequence, int maxCount, CancellationToken cancellationToken) =>
        Query(cancellationToken, () =>
        {
            using var connection = _database.OpenConnection();
            using var command = StreamCommand(connection, ReadSql, stream);
            command.Parameters.AddWithValue("$after", afterSequence);
            command.Parameters.AddWithValue("$limit", maxCount);
            using var reader = command.ExecuteReader();
            var events = new List<StreamEvent>();
            while (reader.Read())
            {
                var headers = reader.IsDBNull(3) ? null : StreamHeaders.Deserialize(reader.GetFieldValue<byte[]>(3));
                events.Add(new StreamEvent(FromMicroseconds(reader.GetInt64(1)), item: null, reader.GetFieldValue<byte[]>(2), headers)
                {
                    Sequence = reader.GetInt64(0),
                });
            }

            return (IReadOnlyList<StreamEvent>)events;
        });

    public Task<long?> FindSequenceAsync(StreamId stream, DateTimeOffset from, CancellationToken cancellationToken) =>
        Query(cancellationToken, () =>
        {
            using var connection = _database.OpenConnection();
            using var command = StreamCommand(connection, FindSequenceSql, stream);
            command.Parameters.AddWithValue("$from", ToMicroseconds(from));
            return command.ExecuteScalar() as long?;
        });

    public Task<long> GetHeadAsync(StreamId stream, CancellationToken cancellationToken) =>
        Query(cancellationToken, () =>
        {
            using var connection = _database.OpenConnection();
            using var command = StreamCommand(connection, HeadSql, stream);
            return command.ExecuteScalar() as long? ?? 0;
        });

    public Task<IReadOnlyList<StreamHead>> ReadHeadsAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken) =>
        Query(cancellationToken, () =>
        {
            using var connection = _database.OpenConnection();
            using var command = ProviderCommand(connection, HeadsSql);
            command.Parameters.AddWithValue("$since", changedSince is { } since ? ToMicroseconds(since) : long.MinValue);
            using var reader = command.ExecuteReader();
            var heads = new List<StreamHead>();
            while (reader.Read())
            {
                heads.Add(new StreamHead(new StreamId(reader.GetString(0), reader.GetString(1)), reader.GetInt64(2)));
            }

            return (IReadOnlyList<StreamHead>)heads;
        });

    public Task<IReadOnlyList<StoredSubscription>> ReadSubscriptionsAsync(CancellationToken cancellationToken) =>
        Query(cancellationToken, () =>
        {
            using var connection = _database.OpenConnection();
            using var command = ProviderCommand(connection, SubscriptionsSql);
            using var reader = command.ExecuteReader();
            var subscriptions = new List<StoredSubscription>();
            while (reader.Read())
            {
                GrainId? grain = reader.IsDBNull(3) ? null : new GrainId(reader.GetString(3), reader.GetString(4));
                subscriptions.Add(new StoredSubscription(
                    Guid.Parse(reader.GetString(0)),
                    new StreamId(reader.GetString(1), reader.GetString(2)),
                    grain,
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.GetString(6),
                    FromMicroseconds(reader.GetInt64(7))));
            }

            return (IReadOnlyList<StoredSubscription>)subscriptions;
        });

    public Task SaveSubscriptionAsync(StoredSubscription subscription, long position, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            static (connection, request) =>
            {
                using var transaction = connection.BeginTransaction();
                using (var save = request.Self.StreamCommand(connection, SaveSubscriptionSql, request.Subscription.Stream))
                {
                    save.Transaction = transaction;
                    save.Parameters.AddWithValue("$handle", request.Subscription.HandleId.ToString("N"));
                    save.Parameters.AddWithValue("$grainType", (object?)request.Subscription.Grain?.Type ?? DBNull.Value);
                    save.Parameters.AddWithValue("$grainKey", (object?)request.Subscription.Grain?.Key ?? DBNull.Value);
                    save.Parameters.AddWithValue("$grainInterface", (object?)request.Subscription.GrainInterface ?? DBNull.Value);
                    save.Parameters.AddWithValue("$itemType", request.Subscription.ItemType);
                    save.Parameters.AddWithValue("$created", ToMicroseconds(request.Subscription.CreatedAt));
                    save.ExecuteNonQuery();
                }

                request.Self.SaveCheckpoint(connection, transaction, new StreamCheckpoint(request.Subscription.Stream, request.Subscription.Subscriber, request.Position));
                transaction.Commit();
                return 0;
            },
            (Self: this, Subscription: subscription, Position: position),
            cancellationToken);

    public Task DeleteSubscriptionAsync(StreamId stream, Guid handleId, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            static (connection, request) =>
            {
                using var command = request.Self.StreamCommand(connection, DeleteSubscriptionSql, request.Stream);
                command.Parameters.AddWithValue("$handle", request.HandleId.ToString("N"));
                command.Parameters.AddWithValue("$subscriber", SubscriberNames.Explicit(request.HandleId));
                return command.ExecuteNonQuery();
            },
            (Self: this, Stream: stream, HandleId: handleId),
            cancellationToken);

    public Task<IReadOnlyList<StreamCheckpoint>> ReadCheckpointsAsync(StreamId? stream, CancellationToken cancellationToken) =>
        Query(cancellationToken, () =>
        {
            using var connection = _database.OpenConnection();
            using var command = stream is { } one ? StreamCommand(connection, StreamCheckpointsSql, one) : ProviderCommand(connection, CheckpointsSql);
            using var reader = command.ExecuteReader();
            var checkpoints = new List<StreamCheckpoint>();
            while (reader.Read())
            {
                checkpoints.Add(new StreamCheckpoint(new StreamId(reader.GetString(0), reader.GetString(1)), reader.GetString(2), reader.GetInt64(3)));
            }

            return (IReadOnlyList<StreamCheckpoint>)checkpoints;
        });

    public Task SaveCheckpointsAsync(IReadOnlyList<StreamCheckpoint> checkpoints, CancellationToken cancellationToken) =>
        checkpoints.Count == 0
            ? Task.CompletedTask
            : _database.WriteAsync(
                static (connection, request) =>
                {
                    using var transaction = connection.BeginTransaction();
                    foreach (var checkpoint in request.Checkpoints)
                    {
                        request.Self.SaveCheckpoint(connection, transaction, checkpoint);
                    }

                    transaction.Commit();
                    return 0;
                },
                (Self: this, Checkpoints: checkpoints),
                cancellationToken);

    public Task AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            static (connection, request) =>
            {
                using var command = request.Self.StreamCommand(connection, AddDeadLetterSql, request.DeadLetter.Stream);
                command.Parameters.AddWithValue("$seq", request.DeadLetter.SequenceNumber);
                command.Parameters.AddWithValue("$subscriber", request.DeadLetter.Subscriber);
                command.Parameters.AddWithValue("$attempts", request.DeadLetter.Attempts);
                command.Parameters.AddWithValue("$error", request.DeadLetter.Error);
                command.Parameters.AddWithValue("$payload", request.DeadLetter.Payload);
                command.Parameters.AddWithValue("$failed", ToMicroseconds(request.DeadLetter.FailedAt));
                return command.ExecuteNonQuery();
            },
            (Self: this, DeadLetter: deadLetter),
            cancellationToken);

    public Task<long> CountDeadLettersAsync(CancellationToken cancellationToken) =>
        Query(cancellationToken, () =>
        {
            using var connection = _database.OpenConnection();
            using var command = ProviderCommand(connection, CountDeadLettersSql);
            return (long)command.ExecuteScalar()!;
        });

    public Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(int maxCount, CancellationToken cancellationToken) =>
        Query(cancellationToken, () =>
        {
            using var connection = _database.OpenConnection();
            using var command = ProviderCommand(connection, DeadLettersSql);
            command.Parameters.AddWithValue("$limit", maxCount);
            using var reader = command.ExecuteReader();
            var deadLetters = new List<DeadLetter>();
            while (reader.Read())
            {
                deadLetters.Add(new DeadLetter(
                    new StreamId(reader.GetString(0), reader.GetString(1)),
                    reader.GetInt64(2),
                    reader.GetString(3),
                    reader.GetInt32(4),
                    reader.GetString(5),
                    FromMicroseconds(reader.GetInt64(6)),
                    reader.GetString(7)));
            }

            return (IReadOnlyList<DeadLetter>)deadLetters;
        });

    public Task<long> TrimAsync(IReadOnlyList<TrimRange> ranges, DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            static (connection, request) =>
            {
                using var transaction = connection.BeginTransaction();
                long removed = 0;
                foreach (var range in request.Ranges)
                {
                    using var command = request.Self.StreamCommand(connection, TrimSql, range.Stream);
                    command.Transaction = transaction;
                    command.Parameters.AddWithValue("$safe", range.SafeSequence);
                    command.Parameters.AddWithValue("$countLimit", range.CountLimitSequence);
                    command.Parameters.AddWithValue("$olderThan", request.OlderThan);
                    removed += command.ExecuteNonQuery();
                }

                transaction.Commit();
                return removed;
            },
            (Self: this, Ranges: ranges, OlderThan: olderThan == DateTimeOffset.MinValue ? long.MinValue : ToMicroseconds(olderThan)),
            cancellationToken);

    /// <summary>SQLite cannot notify other processes; the provider's safety poll finds their items.</summary>
    public Task WatchAsync(Action<IReadOnlyList<StreamId>?> onChanged, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => _appends.DisposeAsync();

    /// <summary>Commits one batch in one transaction under the writer gate, then tells the observer. (One writer: SQLite has one.)</summary>
    private async Task CommitAsync(int _, IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken)
    {
        var batch = StreamBatch.From(requests);
        await _database.WriteAsync(
            static (connection, request) =>
            {
                using var transaction = connection.BeginTransaction();
                using var bump = request.Self.ProviderCommand(connection, BumpHeadSql);
                bump.Transaction = transaction;
                var bumpNamespace = bump.Parameters.Add("$namespace", SqliteType.Text);
                var bumpKey = bump.Parameters.Add("$key", SqliteType.Text);
                var bumpAdded = bump.Parameters.Add("$added", SqliteType.Integer);
                bump.Parameters.AddWithValue("$now", ToMicroseconds(request.Self._time.GetUtcNow()));
                using var insert = request.Self.ProviderCommand(connection, InsertEventSql);
                insert.Transaction = transaction;
                var insertNamespace = insert.Parameters.Add("$namespace", SqliteType.Text);
                var insertKey = insert.Parameters.Add("$key", SqliteType.Text);
                var insertSeq = insert.Parameters.Add("$seq", SqliteType.Integer);
                var insertCreated = insert.Parameters.Add("$created", SqliteType.Integer);
                var insertPayload = insert.Parameters.Add("$payload", SqliteType.Text);
                var insertHeaders = insert.Parameters.Add("$headers", SqliteType.Text);
                foreach (var group in request.Batch.Streams)
                {
                    bumpNamespace.Value = group.Stream.Namespace;
                    bumpKey.Value = group.Stream.Key;
                    bumpAdded.Value = group.Events.Count;
                    StreamBatch.AssignSequences(group, (long)bump.ExecuteScalar()!);
                    insertNamespace.Value = group.Stream.Namespace;
                    insertKey.Value = group.Stream.Key;
                    foreach (var streamEvent in group.Events)
                    {
                        insertSeq.Value = streamEvent.Sequence;
                        insertCreated.Value = ToMicroseconds(streamEvent.Timestamp);
                        insertPayload.Value = Encoding.UTF8.GetString(streamEvent.Payload ?? throw new InvalidOperationException("A durable stream item has no JSON payload."));
                        insertHeaders.Value = StreamHeaders.Serialize(streamEvent.Headers) is { } headers ? Encoding.UTF8.GetString(headers) : DBNull.Value;
                        insert.ExecuteNonQuery();
                    }
                }

                transaction.Commit();
                return 0;
            },
            (Self: this, Batch: batch),
            cancellationToken).ConfigureAwait(false);

        if (_observer is { } observer)
        {
            foreach (var group in batch.Streams)
            {
                observer(group.Stream, group.Events);
            }
        }
    }

    private void SaveCheckpoint(SqliteConnection connection, SqliteTransaction transaction, StreamCheckpoint checkpoint)
    {
        using var command = StreamCommand(connection, SaveCheckpointSql, checkpoint.Stream);
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$subscriber", checkpoint.Subscriber);
        command.Parameters.AddWithValue("$position", checkpoint.Position);
        command.Parameters.AddWithValue("$now", ToMicroseconds(_time.GetUtcNow()));
        command.ExecuteNonQuery();
    }

    private SqliteCommand ProviderCommand(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$provider", _provider);
        return command;
    }

    private SqliteCommand StreamCommand(SqliteConnection connection, string sql, StreamId stream)
    {
        var command = ProviderCommand(connection, sql);
        command.Parameters.AddWithValue("$namespace", stream.Namespace);
        command.Parameters.AddWithValue("$key", stream.Key);
        return command;
    }

    /// <summary>Runs a synchronous read (Microsoft.Data.Sqlite's async methods run synchronously anyway) as a task.</summary>
    private static Task<T> Query<T>(CancellationToken cancellationToken, Func<T> read)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(read());
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }

    private static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static DateTimeOffset FromMicroseconds(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Log}: schema ready")]
        public static partial void SchemaReady(ILogger logger, string log);
    }
}

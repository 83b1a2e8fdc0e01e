using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Streams;

namespace VibeCoder.Persistence;

/// <summary>
/// The PostgreSQL stream log: an append-only table <c>stream_events</c> (payload <c>jsonb</c>) beside the grain state,
/// per-stream heads, explicit subscriptions, checkpoints and dead letters, all keyed by provider name.
/// </summary>
/// <remarks>
/// Ordering: a commit batch first upserts each stream's row in <c>stream_heads</c>, adding its item count and
/// <c>RETURNING</c> the new head, then inserts the items numbered below that head — one statement, so the head row
/// stays locked until commit and a second committer of the same stream waits for it. Sequence numbers therefore commit
/// in order per stream, and a reader can never miss an item that commits late. The same transaction runs
/// <c>pg_notify</c>, which PostgreSQL delivers only on commit, so other processes' listeners hear of committed items
/// promptly; the listener uses its own connection and reconnects with backoff, asking for a full rescan each time.
/// </remarks>
internal sealed partial class PostgresStreamLog : IStreamLog, IStorageBackend
{
    /// <summary>The notification channel; payload: writer id, provider, then one <c>namespace\tkey</c> line per stream (or <c>*</c>).</summary>
    internal const string Channel = "vibecoder_streams";

    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS stream_heads (
            provider   text COLLATE "C" NOT NULL,
            namespace  text COLLATE "C" NOT NULL,
            stream_key text COLLATE "C" NOT NULL,
            last_seq   bigint NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (provider, namespace, stream_key)
        );
        CREATE INDEX IF NOT EXISTS stream_heads_updated ON stream_heads (provider, updated_at);
        CREATE TABLE IF NOT EXISTS stream_events (
            provider   text COLLATE "C" NOT NULL,
            namespace  text COLLATE "C" NOT NULL,
            stream_key text COLLATE "C" NOT NULL,
            seq        bigint NOT NULL,
            created_at timestamptz NOT NULL,
            payload    jsonb NOT NULL,
            headers    jsonb NULL,
            PRIMARY KEY (provider, namespace, stream_key, seq)
        );
        CREATE TABLE IF NOT EXISTS stream_subscriptions (
            provider        text COLLATE "C" NOT NULL,
            handle_id       uuid NOT NULL,
            namespace       text COLLATE "C" NOT NULL,
            stream_key      text COLLATE "C" NOT NULL,
            grain_type      text NULL,
            grain_key       text NULL,
            grain_interface text NULL,
            item_type       text NOT NULL,
            created_at      timestamptz NOT NULL,
            PRIMARY KEY (provider, handle_id)
        );
        CREATE TABLE IF NOT EXISTS stream_checkpoints (
            provider   text COLLATE "C" NOT NULL,
            namespace  text COLLATE "C" NOT NULL,
            stream_key text COLLATE "C" NOT NULL,
            subscriber text COLLATE "C" NOT NULL,
            position   bigint NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (provider, namespace, stream_key, subscriber)
        );
        CREATE TABLE IF NOT EXISTS stream_dead_letters (
            id         bigserial PRIMARY KEY,
            provider   text COLLATE "C" NOT NULL,
            namespace  text COLLATE "C" NOT NULL,
            stream_key text COLLATE "C" NOT NULL,
            seq        bigint NOT NULL,
            subscriber text NOT NULL,
            attempts   integer NOT NULL,
            error      text NOT NULL,
            payload    text NOT NULL,
            failed_at  timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS stream_dead_letters_provider ON stream_dead_letters (provider, id);
        """;

    /// <summary>$1 provider; $2..$4 streams (namespace, key, item count); $5..$9 items (stream index, ordinal, time, payload, headers).</summary>
    internal const string AppendSql = """
        WITH input AS (
            SELECT * FROM unnest($2::text[], $3::text[], $4::bigint[]) WITH ORDINALITY AS s(namespace, stream_key, added, stream_index)
        ), heads AS (
            INSERT INTO stream_heads AS h (provider, namespace, stream_key, last_seq, updated_at)
            SELECT $1, namespace, stream_key, added, now() FROM input ORDER BY stream_index
            ON CONFLICT (provider, namespace, stream_key)
            DO UPDATE SET last_seq = h.last_seq + excluded.last_seq, updated_at = excluded.updated_at
            RETURNING h.namespace, h.stream_key, h.last_seq
        ), written AS (
            INSERT INTO stream_events (provider, namespace, stream_key, seq, created_at, payload, headers)
            SELECT $1, i.namespace, i.stream_key, heads.last_seq - i.added + e.ordinal, e.created_at, e.payload, e.headers
            FROM unnest($5::bigint[], $6::bigint[], $7::timestamptz[], $8::jsonb[], $9::jsonb[]) AS e(stream_index, ordinal, created_at, payload, headers)
            JOIN input i ON i.stream_index = e.stream_index
            JOIN heads ON heads.namespace = i.namespace AND heads.stream_key = i.stream_key
        )
        SELECT namespace, stream_key, last_seq FROM heads
        """;

    private const string NotifySql = $"SELECT pg_notify('{Channel}', $1)";

    private const string StreamCondition = "provider = $1 AND namespace = $2 AND stream_key = $3";

    private const string ReadSql = $"""
        SELECT seq, created_at, payload, headers FROM stream_events
        WHERE {StreamCondition} AND seq > $4 ORDER BY seq LIMIT $5
        """;

    private const string FindSequenceSql = $"SELECT min(seq) FROM stream_events WHERE {StreamCondition} AND created_at >= $4";

    private const string HeadSql = $"SELECT last_seq FROM stream_heads WHERE {StreamCondition}";

    private const string HeadsSql = "SELECT namespace, stream_key, last_seq FROM stream_heads WHERE provider = $1 AND ($2::timestamptz IS NULL OR updated_at >= $2)";

    private const string SubscriptionsSql = """
        SELECT handle_id, namespace, stream_key, grain_type, grain_key, grain_interface, item_type, created_at
        FROM stream_subscriptions WHERE provider = $1
        """;

    private const string SaveSubscriptionSql = """
        INSERT INTO stream_subscriptions (provider, handle_id, namespace, stream_key, grain_type, grain_key, grain_interface, item_type, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (provider, handle_id) DO UPDATE SET grain_type = excluded.grain_type, grain_key = excluded.grain_key,
            grain_interface = excluded.grain_interface, item_type = excluded.item_type
        """;

    private const string SaveCheckpointSql = """
        INSERT INTO stream_checkpoints (provider, namespace, stream_key, subscriber, position, updated_at)
        VALUES ($1, $2, $3, $4, $5, now())
        ON CONFLICT (provider, namespace, stream_key, subscriber) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
        """;

    private const string SaveCheckpointsSql = """
        INSERT INTO stream_checkpoints (provider, namespace, stream_key, subscriber, position, updated_at)
        SELECT $1, namespace, stream_key, subscriber, position, now()
        FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS c(namespace, stream_key, subscriber, position)
        ON CONFLICT (provider, namespace, stream_key, subscriber) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
        """;

    private const string DeleteSubscriptionSql = "DELETE FROM stream_subscriptions WHERE provider = $1 AND handle_id = $2";

    private const string DeleteCheckpointSql = $"DELETE FROM stream_checkpoints WHERE {StreamCondition} AND subscriber = $4";

    private const string CheckpointsSql = "SELECT namespace, stream_key, subscriber, position FROM stream_checkpoints WHERE provider = $1";

    private const string StreamCheckpointsSql = $"SELECT namespace, stream_key, subscriber, position FROM stream_checkpoints WHERE {StreamCondition}";

    private const string AddDeadLetterSql = """
        INSERT INTO stream_dead_letters (provider, namespace, stream_key, seq, subscriber, attempts, error, payload, failed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """;

    private const string CountDeadLettersSql = "SELECT count(*) FROM stream_dead_letters WHERE provider = $1";

    private const string DeadLettersSql = """
        SELECT namespace, stream_key, seq, subscriber, attempts, error, failed_at, payload
        FROM stream_dead_letters WHERE provider = $1 ORDER BY id DESC LIMIT $2
        """;

    private const string TrimSql = """
        DELETE FROM stream_events e
        USING unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[]) AS r(namespace, stream_key, safe_seq, count_limit_seq)
        WHERE e.provider = $1 AND e.namespace = r.namespace AND e.stream_key = r.stream_key
          AND e.seq <= r.safe_seq AND (e.seq <= r.count_limit_seq OR e.created_at < $6)
        """;

    /// <summary>PostgreSQL's limit on a notification payload is 8,000 bytes; beyond this the payload says "rescan".</summary>
    private const int MaxNotificationBytes = 7000;

    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(5);

    private readonly string _provider;
    private readonly string _listenConnectionString;
    private readonly NpgsqlDataSource _dataSource;
    private readonly StreamAppendQueue _appends;
    private readonly string _writerId = Guid.NewGuid().ToString("N");
    private readonly ILogger _logger;
    private readonly NpgsqlConnection?[] _writerConnections;
    private Action<StreamId, IReadOnlyList<StreamEvent>>? _observer;

    /// <param name="provider">The stream provider's name (separates its rows).</param>
    /// <param name="connectionString">The connection string or URL (the listener opens its own unpooled connection with it).</param>
    /// <param name="dataSource">The shared pool for the same database.</param>
    /// <param name="publishBatchSize">The most items one commit takes.</param>
    /// <param name="writers">How many connections commit concurrently, each for its share of the streams.</param>
    /// <param name="logger">Receives start-up and listener messages.</param>
    public PostgresStreamLog(string provider, string connectionString, NpgsqlDataSource dataSource, int publishBatchSize, int writers, ILogger<PostgresStreamLog>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentNullException.ThrowIfNull(dataSource);
        _provider = provider;
        _dataSource = dataSource;
        _logger = logger ?? NullLogger<PostgresStreamLog>.Instance;
        _listenConnectionString = new NpgsqlConnectionStringBuilder(PostgresConnectionString.FromUrlOrKeywords(connectionString))
        {
            Pooling = false,
            KeepAlive = 10,
            ApplicationName = "VibeCoder stream listener",
        }.ConnectionString;
        _writerConnections = new NpgsqlConnection?[writers];
        _appends = new StreamAppendQueue(CommitAsync, publishBatchSize, writers);
        Description = $"PostgreSQL stream log '{provider}' at {PostgresConnectionString.Describe(dataSource.ConnectionString)}";
    }

    public string Description { get; }

    public bool IsDurable => true;

    public void SetCommitObserver(Action<StreamId, IReadOnlyList<StreamEvent>> observer) => _observer = observer;

    /// <summary>Creates the stream tables if they are missing. Idempotent; safe when several processes start at once.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await PostgresSchema.ApplyAsync(_dataSource, Schema, cancellationToken).ConfigureAwait(false);
        Log.SchemaReady(_logger, Description);
    }

    Task IStorageBackend.PingAsync(CancellationToken cancellationToken) => PostgresSchema.PingAsync(_dataSource, cancellationToken);

    public Task<long> AppendAsync(StreamId stream, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken) =>
        _appends.AppendAsync(stream, events, cancellationToken);

    public async Task<IReadOnlyList<StreamEvent>> ReadAsync(StreamId stream, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = StreamCommand(ReadSql, connection, stream);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<StreamEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var headers = await reader.IsDBNullAsync(3, cancellationToken).ConfigureAwait(false)
                ? null
                : StreamHeaders.Deserialize(await reader.GetFieldValueAsync<byte[]>(3, cancellationToken).ConfigureAwait(false));
            events.Add(new StreamEvent(
                reader.GetFieldValue<DateTimeOffset>(1),
                item: null,
                await reader.GetFieldValueAsync<byte[]>(2, cancellationToken).ConfigureAwait(false),
                headers)
            {
                Sequence = reader.GetInt64(0),
            });
        }

        return events;
    }

    public async Task<long?> FindSequenceAsync(StreamId stream, DateTimeOffset from, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = StreamCommand(FindSequenceSql, connection, stream);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = from.ToUniversalTime() });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
    }

    public async Task<long> GetHeadAsync(StreamId stream, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = StreamCommand(HeadSql, connection, stream);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long? ?? 0;
    }

    public async Task<IReadOnlyList<StreamHead>> ReadHeadsAsync(DateTimeOffset? changedSince, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(HeadsSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _provider });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = changedSince is { } since ? since.ToUniversalTime() : DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var heads = new List<StreamHead>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            heads.Add(new StreamHead(new StreamId(reader.GetString(0), reader.GetString(1)), reader.GetInt64(2)));
        }

        return heads;
    }

    public async Task<IReadOnlyList<StoredSubscription>> ReadSubscriptionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(SubscriptionsSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _provider });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var subscriptions = new List<StoredSubscription>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            GrainId? grain = reader.IsDBNull(3) ? null : new GrainId(reader.GetString(3), reader.GetString(4));
            subscriptions.Add(new StoredSubscription(
                reader.GetGuid(0),
                new StreamId(reader.GetString(1), reader.GetString(2)),
                grain,
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return subscriptions;
    }

    public async Task SaveSubscriptionAsync(StoredSubscription subscription, long position, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        var save = new NpgsqlBatchCommand(SaveSubscriptionSql);
        save.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _provider });
        save.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = subscription.HandleId });
        save.Parameters.Add(new NpgsqlParameter<string> { TypedValue = subscription.Stream.Namespace });
        save.Parameters.Add(new NpgsqlParameter<string> { TypedValue = subscription.Stream.Key });
        save.Parameters.Add(Text(subscription.Grain?.Type));
        save.Parameters.Add(Text(subscription.Grain?.Key));
        save.Parameters.Add(Text(subscription.GrainInterface));
        save.Parameters.Add(new NpgsqlParameter<string> { TypedValue = subscription.ItemType });
        save.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = subscription.CreatedAt.ToUniversalTime() });
        batch.BatchCommands.Add(save);
        var checkpoint = new NpgsqlBatchCommand(SaveCheckpointSql);
        AddStreamParameters(checkpoint.Parameters, subscription.Stream);
        checkpoint.Parameters.Add(new NpgsqlParameter<string> { TypedValue = subscription.Subscriber });
        checkpoint.Parameters.Add(new NpgsqlParameter<long> { TypedValue = position });
        batch.BatchCommands.Add(checkpoint);
        // A batch without an explicit transaction runs as one implicit transaction: both rows or neither.
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteSubscriptionAsync(StreamId stream, Guid handleId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        var delete = new NpgsqlBatchCommand(DeleteSubscriptionSql);
        delete.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _provider });
        delete.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = handleId });
        batch.BatchCommands.Add(delete);
        var checkpoint = new NpgsqlBatchCommand(DeleteCheckpointSql);
        AddStreamParameters(checkpoint.Parameters, stream);
        checkpoint.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SubscriberNames.Explicit(handleId) });
        batch.BatchCommands.Add(checkpoint);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StreamCheckpoint>> ReadCheckpointsAsync(StreamId? stream, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = stream is { } one ? StreamCommand(StreamCheckpointsSql, connection, one) : new NpgsqlCommand(CheckpointsSql, connection);
        if (stream is null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _provider });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var checkpoints = new List<StreamCheckpoint>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            checkpoints.Add(new StreamCheckpoint(new StreamId(reader.GetString(0), reader.GetString(1)), reader.GetString(2), reader.GetInt64(3)));
        }

        return checkpoints;
    }

    public async Task SaveCheckpointsAsync(IReadOnlyList<StreamCheckpoint> checkpoints, CancellationToken cancellationToken)
    {
        if (checkpoints.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(SaveCheckpointsSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _provider });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = checkpoints.Select(c => c.Stream.Namespace).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = checkpoints.Select(c => c.Stream.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = checkpoints.Select(c => c.Subscriber).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = checkpoints.Select(c => c.Position).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = StreamCommand(AddDeadLetterSql, connection, deadLetter.Stream);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = deadLetter.SequenceNumber });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deadLetter.Subscriber });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = deadLetter.Attempts });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deadLetter.Error });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deadLetter.Payload });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = deadLetter.FailedAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> CountDeadLettersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(CountDeadLettersSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _provider });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(DeadLettersSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _provider });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var deadLetters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            deadLetters.Add(new DeadLetter(
                new StreamId(reader.GetString(0), reader.GetString(1)),
                reader.GetInt64(2),
                reader.GetString(3),
                reader.GetInt32(4),
                reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetString(7)));
        }

        return deadLetters;
    }

    public async Task<long> TrimAsync(IReadOnlyList<TrimRange> ranges, DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        if (ranges.Count == 0)
        {
            return 0;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(TrimSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _provider });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ranges.Select(r => r.Stream.Namespace).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ranges.Select(r => r.Stream.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ranges.Select(r => r.SafeSequence).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ranges.Select(r => r.CountLimitSequence).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = olderThan == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : olderThan.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>LISTENs on a dedicated connection until cancelled, reconnecting with backoff; each (re)connection reports "rescan".</summary>
    public async Task WatchAsync(Action<IReadOnlyList<StreamId>?> onChanged, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_listenConnectionString);
                connection.Notification += (_, notification) => OnNotification(notification.Payload, onChanged);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                Log.Listening(_logger, Description);
                delay = TimeSpan.FromMilliseconds(100);
                // Items committed while no listener was connected were not announced: have them found by a scan.
                onChanged(null);
                while (true)
                {
                    await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                Log.ListenerFailed(_logger, Description, delay, exception);
                try
                {
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _appends.DisposeAsync().ConfigureAwait(false);
        for (var i = 0; i < _writerConnections.Length; i++)
        {
            if (Interlocked.Exchange(ref _writerConnections[i], null) is { } connection)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Commits one batch of a writer: heads and items in one statement, the notification in the same implicit transaction.</summary>
    private async Task CommitAsync(int writer, IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken)
    {
        var batch = StreamBatch.From(requests);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var heads = await ExecuteCommitAsync(writer, batch, cancellationToken).ConfigureAwait(false);
                foreach (var group in batch.Streams)
                {
                    StreamBatch.AssignSequences(group, heads[group.Stream]);
                }

                break;
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < 5)
            {
                // Another process committed to the same streams in a different order: nothing was written, try again.
                Log.CommitRetried(_logger, Description, attempt, exception);
            }
            catch
            {
                // The connection may be broken: the next batch opens a new one.
                if (Interlocked.Exchange(ref _writerConnections[writer], null) is { } broken)
                {
                    await broken.DisposeAsync().ConfigureAwait(false);
                }

                throw;
            }
        }

        if (_observer is { } observer)
        {
            foreach (var group in batch.Streams)
            {
                observer(group.Stream, group.Events);
            }
        }
    }

    private async Task<Dictionary<StreamId, long>> ExecuteCommitAsync(int writer, StreamBatch batch, CancellationToken cancellationToken)
    {
        var connection = _writerConnections[writer] ??= await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var streamCount = batch.Streams.Count;
        var namespaces = new string[streamCount];
        var keys = new string[streamCount];
        var added = new long[streamCount];
        var streamIndexes = new long[batch.EventCount];
        var ordinals = new long[batch.EventCount];
        var times = new DateTimeOffset[batch.EventCount];
        var payloads = new byte[batch.EventCount][];
        var headers = new byte[]?[batch.EventCount];
        var row = 0;
        for (var s = 0; s < streamCount; s++)
        {
            var group = batch.Streams[s];
            namespaces[s] = group.Stream.Namespace;
            keys[s] = group.Stream.Key;
            added[s] = group.Events.Count;
            for (var e = 0; e < group.Events.Count; e++, row++)
            {
                var streamEvent = group.Events[e];
                streamIndexes[row] = s + 1;
                ordinals[row] = e + 1;
                times[row] = streamEvent.Timestamp;
                payloads[row] = streamEvent.Payload ?? throw new InvalidOperationException("A durable stream item has no JSON payload.");
                headers[row] = StreamHeaders.Serialize(streamEvent.Headers);
            }
        }

        await using var commands = new NpgsqlBatch(connection);
        var append = new NpgsqlBatchCommand(AppendSql);
        append.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _provider });
        append.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = namespaces });
        append.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys });
        append.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = added });
        append.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = streamIndexes });
        append.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ordinals });
        append.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = times });
        append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = payloads });
        append.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = headers });
        commands.BatchCommands.Add(append);
        var notify = new NpgsqlBatchCommand(NotifySql);
        notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = NotificationPayload(batch) });
        commands.BatchCommands.Add(notify);

        var heads = new Dictionary<StreamId, long>(streamCount);
        await using var reader = await commands.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            heads[new StreamId(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        // Drain the notify statement's result; the implicit transaction commits when the batch completes.
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        return heads;
    }

    private string NotificationPayload(StreamBatch batch)
    {
        var payload = new StringBuilder(_writerId).Append('\n').Append(_provider);
        foreach (var group in batch.Streams)
        {
            payload.Append('\n').Append(group.Stream.Namespace).Append('\t').Append(group.Stream.Key);
        }

        var text = payload.ToString();
        // Too long for one notification: listeners rescan the recently changed heads instead.
        return Encoding.UTF8.GetByteCount(text) <= MaxNotificationBytes ? text : $"{_writerId}\n{_provider}\n*";
    }

    private void OnNotification(string payload, Action<IReadOnlyList<StreamId>?> onChanged)
    {
        var lines = payload.Split('\n');
        if (lines.Length < 3 || lines[0] == _writerId || lines[1] != _provider)
        {
            // Our own commit (already seen through the commit observer) or another provider's.
            return;
        }

        if (lines[2] == "*")
        {
            onChanged(null);
            return;
        }

        var streams = new List<StreamId>(lines.Length - 2);
        for (var i = 2; i < lines.Length; i++)
        {
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                streams.Add(new StreamId(lines[i][..tab], lines[i][(tab + 1)..]));
            }
        }

        onChanged(streams);
    }

    private NpgsqlCommand StreamCommand(string sql, NpgsqlConnection connection, StreamId stream)
    {
        var command = new NpgsqlCommand(sql, connection);
        AddStreamParameters(command.Parameters, stream);
        return command;
    }

    private void AddStreamParameters(NpgsqlParameterCollection parameters, StreamId stream)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = _provider });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = stream.Namespace });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = stream.Key });
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Log}: schema ready")]
        public static partial void SchemaReady(ILogger logger, string log);

        [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Log}: listening for change notifications")]
        public static partial void Listening(ILogger logger, string log);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Log}: the change listener failed; reconnecting in {Delay}")]
        public static partial void ListenerFailed(ILogger logger, string log, TimeSpan delay, Exception exception);

        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{Log}: commit attempt {Attempt} conflicted with another process and is retried")]
        public static partial void CommitRetried(ILogger logger, string log, int attempt, Exception exception);
    }
}

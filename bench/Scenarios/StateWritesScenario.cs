using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using VibeCoder.Persistence;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Bench.Scenarios;

/// <summary>
/// Grain-state writes to PostgreSQL: 64 grains, each writer doing read-once-then-write-with-ETag as a grain
/// activation does, for a fixed time. Two variants measured under the same load: the raw-Npgsql baseline (the
/// provider's own table and ETag-checked UPDATE, one dedicated connection and one prepared command per writer — the
/// least a client can do per write) and <see cref="PostgresGrainStorage"/> driven directly. The through-grains variant
/// builds on these.
/// </summary>
internal static class StateWritesScenario
{
    /// <summary>How many distinct grains (rows) the writers share.</summary>
    public const int Grains = 64;

    private const string GrainType = "StateWritesBench";
    private const string StateName = "state";

    private static readonly IGrainStateSerializer Serializer =
        new JsonGrainStateSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Raw Npgsql: per writer one connection and one prepared UPDATE … WHERE version = $5 RETURNING version.</summary>
    /// <param name="connectionString">The database (the provider's table is created when missing).</param>
    /// <param name="concurrency">Writers; writer <c>i</c> writes grain <c>i % 64</c>.</param>
    /// <param name="duration">How long to measure, after every writer's first (warm-up) write.</param>
    /// <param name="ct">Stops the run.</param>
    public static async Task<(double WritesPerSecond, long Writes, long Conflicts, double P50Milliseconds, double P99Milliseconds)> RunRawNpgsqlBaselineAsync(
        string connectionString, int concurrency, TimeSpan duration, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new PostgresGrainStorage(dataSource, Serializer).InitializeAsync(ct).ConfigureAwait(false);
        return await MeasureAsync(concurrency, duration, writer => RawWriterAsync(dataSource, writer), ct).ConfigureAwait(false);
    }

    /// <summary>The storage provider driven directly: read once, then WriteStateAsync with the ETag it returned.</summary>
    /// <param name="storage">The provider, its schema in place (e.g. a <see cref="PostgresGrainStorage"/> after InitializeAsync).</param>
    /// <param name="concurrency">Writers; writer <c>i</c> writes grain <c>i % 64</c>.</param>
    /// <param name="duration">How long to measure, after every writer's first (warm-up) write.</param>
    /// <param name="ct">Stops the run.</param>
    public static Task<(double WritesPerSecond, long Writes, long Conflicts, double P50Milliseconds, double P99Milliseconds)> RunStorageProviderAsync(
        IGrainStorage storage, int concurrency, TimeSpan duration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return MeasureAsync(concurrency, duration, writer => Task.FromResult<IWriter>(new ProviderWriter(storage, GrainOf(writer))), ct);
    }

    private static GrainId GrainOf(int writer) => new(GrainType, (writer % Grains).ToString(CultureInfo.InvariantCulture));

    /// <summary>Every writer does one warm-up write (connections opened, statements prepared), then all are timed together.</summary>
    private static async Task<(double, long, long, double, double)> MeasureAsync(
        int concurrency, TimeSpan duration, Func<int, Task<IWriter>> createWriter, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var writers = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(createWriter)).ConfigureAwait(false);
        try
        {
            // Concurrently, so that a pooled provider's pool has grown to the concurrency before timing starts.
            await Task.WhenAll(writers.Select(writer => writer.WriteAsync(ct))).ConfigureAwait(false);

            var clock = Stopwatch.StartNew();
            var runs = writers.Select(writer => Task.Run(() => RunWriterAsync(writer, clock, duration, ct), ct)).ToArray();
            var results = await Task.WhenAll(runs).ConfigureAwait(false);
            var elapsed = clock.Elapsed;

            var latencies = results.SelectMany(result => result.Latencies).Order().ToArray();
            var writes = latencies.LongLength;
            var conflicts = results.Sum(result => result.Conflicts);
            return (writes / elapsed.TotalSeconds, writes, conflicts, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
        }
        finally
        {
            foreach (var writer in writers)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<(List<double> Latencies, long Conflicts)> RunWriterAsync(IWriter writer, Stopwatch clock, TimeSpan duration, CancellationToken ct)
    {
        var latencies = new List<double>(capacity: 4096);
        long conflicts = 0;
        while (clock.Elapsed < duration && !ct.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            if (await writer.WriteAsync(ct).ConfigureAwait(false))
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                conflicts++;
            }
        }

        return (latencies, conflicts);
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(fraction * sorted.Length))];

    private static async Task<IWriter> RawWriterAsync(NpgsqlDataSource dataSource, int writer)
    {
        var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        return new RawWriter(connection, GrainOf(writer));
    }

    /// <summary>The state written: a small document shaped like a grain's (a few scalars, a list, some text).</summary>
    private sealed record BenchState(string Title, long Counter, IReadOnlyList<string> Tags, string Body, DateTimeOffset UpdatedAt);

    private static BenchState NextState(long counter) => new(
        "Ten habits of calm engineers",
        counter,
        ["productivity", "engineering", "habits", "carousel"],
        "Slide bodies are a few sentences long; this stands in for one of them, with Кириллица and emoji ✨.",
        DateTimeOffset.UnixEpoch.AddSeconds(counter));

    /// <summary>One writer: true when the write succeeded, false on a version conflict (after which it re-reads).</summary>
    private interface IWriter : IAsyncDisposable
    {
        Task<bool> WriteAsync(CancellationToken ct);
    }

    private sealed class ProviderWriter(IGrainStorage storage, GrainId grainId) : IWriter
    {
        private readonly GrainState<BenchState> _state = new(NextState(0));
        private bool _read;

        public async Task<bool> WriteAsync(CancellationToken ct)
        {
            if (!_read)
            {
                await storage.ReadStateAsync(StateName, grainId, _state, ct).ConfigureAwait(false);
                _read = true;
            }

            _state.State = NextState(_state.State.Counter + 1);
            try
            {
                await storage.WriteStateAsync(StateName, grainId, _state, ct).ConfigureAwait(false);
                return true;
            }
            catch (InconsistentStateException)
            {
                _read = false;
                return false;
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class RawWriter : IWriter
    {
        private readonly NpgsqlConnection _connection;
        private readonly GrainId _grainId;
        private readonly NpgsqlCommand _update;
        private readonly NpgsqlParameter<long> _expectedVersion = new() { TypedValue = 0 };
        private readonly NpgsqlParameter _payload = new() { NpgsqlDbType = NpgsqlDbType.Jsonb };
        private long? _version;
        private long _counter;

        public RawWriter(NpgsqlConnection connection, GrainId grainId)
        {
            _connection = connection;
            _grainId = grainId;
            _update = new NpgsqlCommand(PostgresGrainStorage.UpdateSql, connection);
            _update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
            _update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
            _update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StateName });
            _update.Parameters.Add(_payload);
            _update.Parameters.Add(_expectedVersion);
        }

        public async Task<bool> WriteAsync(CancellationToken ct)
        {
            if (_version is null)
            {
                await SeedAsync(ct).ConfigureAwait(false);
                await _update.PrepareAsync(ct).ConfigureAwait(false);
            }

            _payload.Value = Serializer.Serialize(NextState(++_counter));
            _expectedVersion.TypedValue = _version!.Value;
            if (await _update.ExecuteScalarAsync(ct).ConfigureAwait(false) is long version)
            {
                _version = version;
                return true;
            }

            _version = null;
            return false;
        }

        public async ValueTask DisposeAsync()
        {
            await _update.DisposeAsync().ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        /// <summary>Creates the row when missing (the INSERT the provider issues), then reads its version.</summary>
        private async Task SeedAsync(CancellationToken ct)
        {
            await using (var insert = new NpgsqlCommand(PostgresGrainStorage.InsertSql, _connection))
            {
                AddKey(insert);
                insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = Serializer.Serialize(NextState(0)) });
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await using var read = new NpgsqlCommand(PostgresGrainStorage.ReadVersionSql, _connection);
            AddKey(read);
            _version = (long)(await read.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }

        private void AddKey(NpgsqlCommand command)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _grainId.Type });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _grainId.Key });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StateName });
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using VibeCoder.Persistence.Serialization;
using VibeCoder.TestServers.Postgres;

namespace VibeCoder.Bench.Scenarios;

/// <summary>
/// <c>state-writes</c>: 64 grains, each written by its own closed-loop caller, their state going to PostgreSQL through
/// Orleans' AdoNet grain storage as the product configures it. Baseline, in the same run on the same throwaway server:
/// raw Npgsql ETag-checked upserts of the same documents into a table of the same shape, at the same concurrency, each
/// writer with a dedicated connection and a prepared statement (the least a client can do per write). Short rounds of
/// each side alternate.
/// </summary>
internal static class StateWritesScenario
{
    private const int Concurrency = 64;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);

    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        await using var postgres = await PostgresTestServer.StartAsync(cancellationToken);
        var rawDb = await postgres.CreateDatabaseAsync("raw", cancellationToken);
        var grainsDb = await postgres.CreateDatabaseAsync("grains", cancellationToken);

        await using var raw = await RawUpserts.CreateAsync(rawDb, Concurrency, cancellationToken);
        await using var silo = await PostgresSilo.StartAsync(grainsDb, [], null, cancellationToken);
        var factory = silo.Services.GetRequiredService<IGrainFactory>();
        var grains = Enumerable.Range(0, Concurrency).Select(i => factory.GetGrain<IStateBenchGrain>(i)).ToArray();
        var counters = new long[Concurrency];
        var throughGrains = new CallerLoad(Concurrency, 1, i => grains[i].Write(++counters[i]));
        var rawLoad = new CallerLoad(Concurrency, 1, raw.WriteAsync);

        await rawLoad.RunAsync(Warmup, measure: false, cancellationToken);
        await throughGrains.RunAsync(Warmup, measure: false, cancellationToken);
        var rounds = Math.Max(2, (int)Math.Round(arguments.Seconds / 2));
        var round = TimeSpan.FromSeconds(arguments.Seconds / rounds);
        for (var i = 0; i < rounds; i++)
        {
            // ABBA: neither side always runs on a fuller table or a warmer server.
            var grainsFirst = i % 2 == 0;
            var first = await (grainsFirst ? throughGrains : rawLoad).RunAsync(round, measure: true, cancellationToken);
            var second = await (grainsFirst ? rawLoad : throughGrains).RunAsync(round, measure: true, cancellationToken);
            Console.Error.WriteLine($"round {i + 1}: grains {(grainsFirst ? first : second):N0} writes/s, raw npgsql {(grainsFirst ? second : first):N0} writes/s");
        }

        var rate = throughGrains.Calls / throughGrains.Seconds;
        var baseline = rawLoad.Calls / rawLoad.Seconds;
        return new JsonObject
        {
            ["scenario"] = "state-writes",
            ["value"] = Math.Round(rate),
            ["unit"] = "writes/s",
            ["p50_ms"] = Math.Round(throughGrains.Latency.PercentileMicroseconds(50) / 1000, 2),
            ["p99_ms"] = Math.Round(throughGrains.Latency.PercentileMicroseconds(99) / 1000, 2),
            ["baseline"] = Math.Round(baseline),
            ["baseline_p50_ms"] = Math.Round(rawLoad.Latency.PercentileMicroseconds(50) / 1000, 2),
            ["baseline_p99_ms"] = Math.Round(rawLoad.Latency.PercentileMicroseconds(99) / 1000, 2),
            ["ratio"] = Math.Round(rate / baseline, 3),
            ["target_ratio"] = 0.8,
            ["grains"] = Concurrency,
            ["storage"] = "postgres (AdoNet grain storage, JSON state)",
            ["cores"] = Environment.ProcessorCount,
            ["seconds"] = arguments.Seconds,
            ["rounds"] = rounds,
        };
    }

    /// <summary>One writer per grain row: a dedicated connection, a prepared upsert that checks the version it last wrote.</summary>
    private sealed class RawUpserts : IAsyncDisposable
    {
        // The shape of the AdoNet storage table (orleans_storage): the same key, JSON payload and integer version.
        private const string CreateTable = """
            CREATE TABLE IF NOT EXISTS raw_storage
            (
                grain_type text NOT NULL,
                grain_id_n0 bigint NOT NULL,
                payload json,
                version integer NOT NULL,
                modified_on timestamptz NOT NULL,
                PRIMARY KEY (grain_type, grain_id_n0)
            )
            """;

        private const string Upsert = """
            INSERT INTO raw_storage AS s (grain_type, grain_id_n0, payload, version, modified_on)
            VALUES ('bench', $1, $2, 1, now())
            ON CONFLICT (grain_type, grain_id_n0) DO UPDATE
                SET payload = EXCLUDED.payload, version = s.version + 1, modified_on = EXCLUDED.modified_on
                WHERE s.version = $3
            RETURNING s.version
            """;

        private readonly NpgsqlDataSource _dataSource;
        private readonly Writer[] _writers;

        private RawUpserts(NpgsqlDataSource dataSource, Writer[] writers)
        {
            _dataSource = dataSource;
            _writers = writers;
        }

        public static async Task<RawUpserts> CreateAsync(string connectionString, int writers, CancellationToken cancellationToken)
        {
            var dataSource = NpgsqlDataSource.Create(connectionString);
            await using (var create = dataSource.CreateCommand(CreateTable))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var all = new Writer[writers];
            for (var i = 0; i < writers; i++)
            {
                all[i] = await Writer.OpenAsync(dataSource, i, cancellationToken);
            }

            return new RawUpserts(dataSource, all);
        }

        public Task WriteAsync(int writer) => _writers[writer].WriteAsync();

        public async ValueTask DisposeAsync()
        {
            foreach (var writer in _writers)
            {
                await writer.DisposeAsync();
            }

            await _dataSource.DisposeAsync();
        }

        private sealed class Writer(NpgsqlConnection connection, NpgsqlCommand upsert) : IAsyncDisposable
        {
            private long _counter;
            private int _version;

            public static async Task<Writer> OpenAsync(NpgsqlDataSource dataSource, int grain, CancellationToken cancellationToken)
            {
                var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                var upsert = new NpgsqlCommand(Upsert, connection);
                upsert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = grain });
                upsert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Json });
                upsert.Parameters.Add(new NpgsqlParameter<int>());
                await upsert.PrepareAsync(cancellationToken);
                return new Writer(connection, upsert);
            }

            public async Task WriteAsync()
            {
                upsert.Parameters[1].Value = JsonSerializer.Serialize(StateBenchDocument.For(++_counter), JsonStateSerializer.Options);
                ((NpgsqlParameter<int>)upsert.Parameters[2]).TypedValue = _version;
                _version = await upsert.ExecuteScalarAsync() is int version
                    ? version
                    : throw new InvalidOperationException("Version conflict: each raw writer owns its row.");
            }

            public async ValueTask DisposeAsync()
            {
                await upsert.DisposeAsync();
                await connection.DisposeAsync();
            }
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Orleans.Streams;
using VibeCoder.TestServers.Postgres;

namespace VibeCoder.Bench.Scenarios;

/// <summary>
/// Orleans' AdoNet stream provider on PostgreSQL as the product configures it (<c>AddVibeCoderPersistence</c>: 4
/// queues polled every 50 ms), end to end: producers publish to 100 streams, an implicit subscriber grain per stream
/// handles each item. After a 2 s warm-up, on one throwaway server:
/// <list type="number">
/// <item>throughput — 64 closed-loop producers publish for the run time; <c>value</c> = items published and delivered
/// per second (the clock stops when the last one reached its grain);</item>
/// <item>latency — an open-loop offered load of half that rate (at most 5,000/s) for up to 5 s;
/// <c>p99_delivery_ms</c> = publish call to handler;</item>
/// <item>baseline — the same number of writers inserting one row each per call, prepared, into a table shaped like the
/// provider's queue table: what the database costs per event before any dequeue or delivery.</item>
/// </list>
/// </summary>
internal static class StreamThroughputScenario
{
    private const int StreamCount = 100;
    private const int Producers = 64;
    private const double MaxOfferedPerSecond = 5000;

    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken ct)
    {
        await using var server = await PostgresTestServer.StartAsync(ct);
        var connectionString = await server.CreateDatabaseAsync("stream_bench", ct);
        var baselineDb = await server.CreateDatabaseAsync("stream_baseline", ct);
        var probe = new StreamBenchProbe();
        await using var silo = await PostgresSilo.StartAsync(connectionString, [StreamBenchSubscriberGrain.Provider], s => s.AddSingleton(probe), ct);
        var provider = silo.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamBenchSubscriberGrain.Provider);
        var streams = Enumerable.Range(0, StreamCount)
            .Select(i => provider.GetStream<StreamBenchEvent>(StreamId.Create(StreamBenchSubscriberGrain.Namespace, i.ToString(CultureInfo.InvariantCulture))))
            .ToArray();

        // Warm up: JIT, activations and their subscriptions, pooled connections.
        await DriveAsync(streams, probe, TimeSpan.FromSeconds(2), ct);

        var throughput = await DriveAsync(streams, probe, arguments.Duration, ct);
        Console.Error.WriteLine($"stream-throughput: {throughput.Published:N0} items, published at {throughput.PublishRate:N0}/s, delivered end to end at {throughput.EndToEndRate:N0}/s");

        var offered = Math.Min(MaxOfferedPerSecond, Math.Round(throughput.EndToEndRate / 2));
        var latency = await OfferLoadAsync(streams, probe, offered, TimeSpan.FromSeconds(Math.Min(5, arguments.Seconds)), ct);
        Console.Error.WriteLine($"stream-throughput: at {offered:N0}/s offered, p50 {latency.P50:N1} ms, p99 {latency.P99:N1} ms");

        var baseline = await RawInsertBaselineAsync(baselineDb, arguments.Duration, ct);
        Console.Error.WriteLine($"stream-throughput: raw single-row INSERT baseline {baseline:N0} rows/s");

        return new JsonObject
        {
            ["scenario"] = "stream-throughput",
            ["value"] = Math.Round(throughput.EndToEndRate),
            ["unit"] = "events/s",
            ["published_per_s"] = Math.Round(throughput.PublishRate),
            ["events"] = throughput.Published,
            ["p50_delivery_ms"] = Math.Round(latency.P50, 2),
            ["p99_delivery_ms"] = Math.Round(latency.P99, 2),
            ["offered_per_s"] = offered,
            ["latency_events"] = latency.Count,
            ["baseline"] = Math.Round(baseline),
            ["baseline_unit"] = "rows/s",
            ["ratio"] = Math.Round(throughput.EndToEndRate / baseline, 3),
            ["target_events_per_s"] = 20_000,
            ["target_p99_delivery_ms"] = 50,
            ["streams"] = StreamCount,
            ["producers"] = Producers,
            ["cores"] = Environment.ProcessorCount,
            ["seconds"] = arguments.Seconds,
        };
    }

    /// <summary>Closed loop: every producer publishes, awaits the acknowledgement, publishes again, until the time is up.</summary>
    private static async Task<(long Published, double PublishRate, double EndToEndRate)> DriveAsync(
        IAsyncStream<StreamBenchEvent>[] streams, StreamBenchProbe probe, TimeSpan duration, CancellationToken ct)
    {
        var deliveredBefore = probe.Delivered;
        var stop = false;
        long published = 0;
        var clock = Stopwatch.StartNew();
        var producers = Enumerable.Range(0, Producers).Select(producer => Task.Run(
            async () =>
            {
                long index = 0;
                while (!Volatile.Read(ref stop))
                {
                    var stream = streams[(producer + (int)index) % streams.Length];
                    await stream.OnNextAsync(new StreamBenchEvent(producer, index++, Stopwatch.GetTimestamp()));
                    Interlocked.Increment(ref published);
                }
            },
            ct)).ToArray();

        await Task.Delay(duration, ct);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(producers);
        var publishSeconds = clock.Elapsed.TotalSeconds;
        await probe.WaitForDeliveredAsync(deliveredBefore + published, TimeSpan.FromSeconds(120));
        var endToEndSeconds = clock.Elapsed.TotalSeconds;
        return (published, published / publishSeconds, published / endToEndSeconds);
    }

    /// <summary>Open loop: items are published on a fixed schedule whatever the acknowledgements do; latency is sampled in the handler.</summary>
    private static async Task<(double P50, double P99, int Count)> OfferLoadAsync(
        IAsyncStream<StreamBenchEvent>[] streams, StreamBenchProbe probe, double perSecond, TimeSpan duration, CancellationToken ct)
    {
        var deliveredBefore = probe.Delivered;
        probe.StartLatencySampling();
        var pending = new List<Task>();
        long sent = 0;
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        while (clock.Elapsed < duration && await timer.WaitForNextTickAsync(ct))
        {
            var due = (long)(clock.Elapsed.TotalSeconds * perSecond);
            for (; sent < due; sent++)
            {
                pending.Add(streams[(int)(sent % streams.Length)].OnNextAsync(new StreamBenchEvent(-1, sent, Stopwatch.GetTimestamp())));
            }
        }

        await Task.WhenAll(pending);
        await probe.WaitForDeliveredAsync(deliveredBefore + sent, TimeSpan.FromSeconds(60));
        var samples = probe.StopLatencySampling();
        Array.Sort(samples);
        return (Percentile(samples, 0.50), Percentile(samples, 0.99), samples.Length);
    }

    /// <summary>One prepared single-row INSERT per event, per writer on its own connection, into a copy of the queue table's shape.</summary>
    private static async Task<double> RawInsertBaselineAsync(string connectionString, TimeSpan duration, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand("""
            CREATE TABLE raw_stream_message
            (
                message_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                queue_id text NOT NULL,
                created_on timestamptz NOT NULL,
                payload bytea NOT NULL
            );
            CREATE INDEX ix_raw_stream_message_queue ON raw_stream_message (queue_id, message_id);
            """))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        var stop = false;
        long rows = 0;
        var clock = Stopwatch.StartNew();
        var writers = Enumerable.Range(0, Producers).Select(writer => Task.Run(
            async () =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct);
                await using var insert = new NpgsqlCommand("INSERT INTO raw_stream_message (queue_id, created_on, payload) VALUES ($1, now(), $2)", connection);
                var queue = new NpgsqlParameter<string>();
                var payload = new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Bytea };
                insert.Parameters.Add(queue);
                insert.Parameters.Add(payload);
                await insert.PrepareAsync(ct);
                long index = 0;
                while (!Volatile.Read(ref stop))
                {
                    queue.TypedValue = ((writer + index) % StreamCount).ToString(CultureInfo.InvariantCulture);
                    payload.TypedValue = JsonSerializer.SerializeToUtf8Bytes(new StreamBenchEvent(writer, index++, Stopwatch.GetTimestamp()));
                    await insert.ExecuteNonQueryAsync(ct);
                    Interlocked.Increment(ref rows);
                }
            },
            ct)).ToArray();

        await Task.Delay(duration, ct);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(writers);
        return rows / clock.Elapsed.TotalSeconds;
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Clamp(Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}

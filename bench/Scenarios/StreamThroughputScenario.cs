using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using VibeCoder.Persistence;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Streams;
using VibeCoder.Runtime.TestingHost;
using VibeCoder.TestServers.Postgres;

namespace VibeCoder.Bench.Scenarios;

/// <summary>
/// The persistent PostgreSQL stream provider end to end: producers publish to 100 streams, an implicit subscriber grain
/// per stream handles each item. After a 2 s warm-up, three phases on one throwaway server:
/// <list type="number">
/// <item>latency — a fixed offered load of 5,000 items/s for up to 5 s; <c>p99_delivery_ms</c> = publish call to
/// handler;</item>
/// <item>throughput — 512 concurrent producers publish for the run time; <c>value</c> = items published and delivered
/// per second (all published items counted, the clock stopped when the last one reached its grain);</item>
/// <item>baseline — the same rows (same JSON payloads) inserted raw into <c>stream_events</c> in batches of 1,000 with
/// one prepared <c>INSERT … SELECT FROM unnest</c> per batch, no heads, no delivery.</item>
/// </list>
/// </summary>
internal static class StreamThroughputScenario
{
    private const string Provider = "bench";
    private const int StreamCount = 100;
    private const int Producers = 512;
    private const int OfferedLoadPerSecond = 5000;
    private const int BaselineBatch = 1000;

    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken ct)
    {
        await using var server = await PostgresTestServer.StartAsync(ct);
        var connectionString = await server.CreateDatabaseAsync("stream_bench", ct);
        var probe = new StreamBenchProbe();
        await using var silo = await InProcessSilo.StartAsync(
            s =>
            {
                s.AddGrain<StreamBenchSubscriberGrain>();
                s.AddPostgresStreams(Provider, o => o.ConnectionString = connectionString);
            },
            services => services.AddSingleton(probe),
            cancellationToken: ct);
        var provider = silo.Services.GetStreamProvider(Provider);
        var streams = Enumerable.Range(0, StreamCount)
            .Select(i => provider.GetStream<StreamBenchEvent>(StreamBenchSubscriberGrain.Namespace, i.ToString(CultureInfo.InvariantCulture)))
            .ToArray();

        // Warm up: JIT, activations, pooled connections, prepared statements.
        await DriveAsync(streams, probe, TimeSpan.FromSeconds(2), ct);

        // Latency first, while the log is small (the throughput phase leaves hundreds of thousands of rows behind).
        var latency = await OfferLoadAsync(streams, probe, TimeSpan.FromSeconds(Math.Min(5, arguments.Seconds)), ct);
        Console.Error.WriteLine($"stream-throughput: at {OfferedLoadPerSecond:N0}/s offered, p50 {latency.P50:N1} ms, p99 {latency.P99:N1} ms");

        var throughput = await DriveAsync(streams, probe, arguments.Duration, ct);
        Console.Error.WriteLine($"stream-throughput: {throughput.Published:N0} items, published at {throughput.PublishRate:N0}/s, delivered end to end at {throughput.EndToEndRate:N0}/s");

        var baseline = await RawInsertBaselineAsync(connectionString, arguments.Duration, ct);
        Console.Error.WriteLine($"stream-throughput: raw batched INSERT baseline {baseline:N0} rows/s");

        return new JsonObject
        {
            ["scenario"] = "stream-throughput",
            ["value"] = Math.Round(throughput.EndToEndRate),
            ["unit"] = "items/s",
            ["published_per_s"] = Math.Round(throughput.PublishRate),
            ["items"] = throughput.Published,
            ["p50_delivery_ms"] = Math.Round(latency.P50, 2),
            ["p99_delivery_ms"] = Math.Round(latency.P99, 2),
            ["offered_per_s"] = OfferedLoadPerSecond,
            ["latency_items"] = latency.Count,
            ["baseline"] = Math.Round(baseline),
            ["baseline_unit"] = "rows/s",
            ["ratio"] = Math.Round(throughput.EndToEndRate / baseline, 3),
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
        var producers = Enumerable.Range(0, Producers).Select(producer => Task.Run(async () =>
        {
            long index = 0;
            while (!Volatile.Read(ref stop))
            {
                var stream = streams[(producer + (int)index) % streams.Length];
                await stream.OnNextAsync(new StreamBenchEvent(producer, index++, Stopwatch.GetTimestamp()), ct);
                Interlocked.Increment(ref published);
            }
        }, ct)).ToArray();

        await Task.Delay(duration, ct);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(producers);
        var publishSeconds = clock.Elapsed.TotalSeconds;
        await probe.WaitForDeliveredAsync(deliveredBefore + published, TimeSpan.FromSeconds(120));
        var endToEndSeconds = clock.Elapsed.TotalSeconds;
        return (published, published / publishSeconds, published / endToEndSeconds);
    }

    /// <summary>Open loop: items are published on a 5,000/s schedule whatever the acknowledgements do; latency is sampled in the handler.</summary>
    private static async Task<(double P50, double P99, int Count)> OfferLoadAsync(
        IAsyncStream<StreamBenchEvent>[] streams, StreamBenchProbe probe, TimeSpan duration, CancellationToken ct)
    {
        var deliveredBefore = probe.Delivered;
        probe.StartLatencySampling();
        var pending = new List<Task>();
        long sent = 0;
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        while (clock.Elapsed < duration && await timer.WaitForNextTickAsync(ct))
        {
            var due = (long)(clock.Elapsed.TotalSeconds * OfferedLoadPerSecond);
            for (; sent < due; sent++)
            {
                pending.Add(streams[(int)(sent % streams.Length)].OnNextAsync(new StreamBenchEvent(-1, sent, Stopwatch.GetTimestamp()), ct));
            }
        }

        await Task.WhenAll(pending);
        await probe.WaitForDeliveredAsync(deliveredBefore + sent, TimeSpan.FromSeconds(60));
        var samples = probe.StopLatencySampling();
        Array.Sort(samples);
        return (Percentile(samples, 0.50), Percentile(samples, 0.99), samples.Length);
    }

    /// <summary>The same rows straight into the log table: batches of 1,000 through one prepared statement on one connection.</summary>
    private static async Task<double> RawInsertBaselineAsync(string connectionString, TimeSpan duration, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        const string sql = """
            INSERT INTO stream_events (provider, namespace, stream_key, seq, created_at, payload, headers)
            SELECT 'baseline', $1, k, s, t, p, NULL FROM unnest($2::text[], $3::bigint[], $4::timestamptz[], $5::jsonb[]) AS r(k, s, t, p)
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        var keys = new string[BaselineBatch];
        var sequences = new long[BaselineBatch];
        var times = new DateTimeOffset[BaselineBatch];
        var payloads = new byte[BaselineBatch][];
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StreamBenchSubscriberGrain.Namespace });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = sequences });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = times });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = payloads });
        await command.PrepareAsync(ct);

        long next = 0;
        long rows = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < BaselineBatch; i++, next++)
            {
                keys[i] = (next % StreamCount).ToString(CultureInfo.InvariantCulture);
                sequences[i] = next;
                times[i] = now;
                payloads[i] = JsonSerializer.SerializeToUtf8Bytes(new StreamBenchEvent((int)(next % Producers), next, Stopwatch.GetTimestamp()), JsonSerializerOptions.Web);
            }

            rows += await command.ExecuteNonQueryAsync(ct);
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Clamp(Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>A benchmark item: who published it, its index, and the publisher's <see cref="Stopwatch"/> timestamp.</summary>
internal sealed record StreamBenchEvent(int Producer, long Index, long PublishedAt);

/// <summary>Counts deliveries (and samples publish-to-handler latency while asked to), for the scenario to wait on.</summary>
internal sealed class StreamBenchProbe
{
    private readonly Lock _lock = new();
    private readonly List<double> _latencies = [];
    private long _delivered;
    private volatile bool _sampling;
    private (long Target, TaskCompletionSource Done)? _waiter;

    public long Delivered => Interlocked.Read(ref _delivered);

    public void OnDelivered(StreamBenchEvent item)
    {
        if (_sampling)
        {
            var milliseconds = Stopwatch.GetElapsedTime(item.PublishedAt).TotalMilliseconds;
            lock (_lock)
            {
                _latencies.Add(milliseconds);
            }
        }

        var delivered = Interlocked.Increment(ref _delivered);
        if (_waiter is { } waiter && delivered >= waiter.Target)
        {
            waiter.Done.TrySetResult();
        }
    }

    public Task WaitForDeliveredAsync(long target, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiter = (target, done);
        if (Delivered >= target)
        {
            done.TrySetResult();
        }

        return done.Task.WaitAsync(timeout);
    }

    public void StartLatencySampling()
    {
        lock (_lock)
        {
            _latencies.Clear();
        }

        _sampling = true;
    }

    public double[] StopLatencySampling()
    {
        _sampling = false;
        lock (_lock)
        {
            return _latencies.ToArray();
        }
    }
}

/// <summary>The subscriber grain's (otherwise unused) interface.</summary>
internal interface IStreamBenchSubscriberGrain : IGrainWithStringKey
{
    Task<long> Delivered();
}

/// <summary>One per stream, implicitly subscribed: hands each item to the probe.</summary>
[ImplicitStreamSubscription(Namespace)]
internal sealed class StreamBenchSubscriberGrain(StreamBenchProbe probe) : Grain, IStreamBenchSubscriberGrain, IAsyncObserver<StreamBenchEvent>
{
    public const string Namespace = "bench";

    private long _delivered;

    public Task<long> Delivered() => Task.FromResult(_delivered);

    public Task OnNextAsync(StreamBenchEvent item, StreamSequenceToken token)
    {
        _delivered++;
        probe.OnDelivered(item);
        return Task.CompletedTask;
    }
}

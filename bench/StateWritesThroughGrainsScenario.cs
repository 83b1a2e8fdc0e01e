using System.Diagnostics;
using System.Text.Json.Nodes;
using VibeCoder.Bench.Scenarios;
using VibeCoder.Persistence;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Storage;
using VibeCoder.Runtime.TestingHost;
using VibeCoder.TestServers.Postgres;

namespace VibeCoder.Bench;

/// <summary>
/// <c>state-writes</c>: 64 grains writing their state to PostgreSQL concurrently; the baseline is raw Npgsql
/// upserts of the same rows at the same concurrency, in the same run, on a throwaway server.
/// </summary>
internal static class StateWritesThroughGrainsScenario
{
    private const int Concurrency = StateWritesScenario.Grains;

    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        await using var postgres = await PostgresTestServer.StartAsync(cancellationToken);
        var baselineDb = await postgres.CreateDatabaseAsync("raw", cancellationToken);
        var grainsDb = await postgres.CreateDatabaseAsync("grains", cancellationToken);

        var raw = await StateWritesScenario.RunRawNpgsqlBaselineAsync(baselineDb, Concurrency, arguments.Duration, cancellationToken);
        Console.Error.WriteLine($"raw npgsql: {raw.WritesPerSecond:N0} writes/s");

        await using var silo = await InProcessSilo.StartAsync(s =>
        {
            s.AddGrain<StateBenchGrain>();
            s.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorageName, o => o.ConnectionString = grainsDb);
        }, cancellationToken: cancellationToken);
        var grains = Enumerable.Range(0, Concurrency).Select(i => silo.GrainFactory.GetGrain<IStateBenchGrain>(i)).ToArray();
        await Task.WhenAll(grains.Select(g => g.Write(0)));

        var latency = new LatencyRecorder(Concurrency, 1);
        var stop = false;
        var counts = new long[Concurrency];
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, Concurrency).Select(i => Task.Run(async () =>
        {
            long n = 0;
            while (!Volatile.Read(ref stop))
            {
                var t0 = Stopwatch.GetTimestamp();
                await grains[i].Write(n);
                latency.Record(i, t0);
                n++;
            }

            counts[i] = n;
        })).ToArray();
        await Task.Delay(arguments.Duration, cancellationToken);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(loops);
        var rate = counts.Sum() / clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"through grains: {rate:N0} writes/s");

        return new JsonObject
        {
            ["scenario"] = "state-writes",
            ["value"] = Math.Round(rate),
            ["unit"] = "writes/s",
            ["p50_ms"] = Math.Round(latency.PercentileMicroseconds(50) / 1000, 2),
            ["p99_ms"] = Math.Round(latency.PercentileMicroseconds(99) / 1000, 2),
            ["baseline"] = Math.Round(raw.WritesPerSecond),
            ["baseline_p50_ms"] = Math.Round(raw.P50Milliseconds, 2),
            ["baseline_p99_ms"] = Math.Round(raw.P99Milliseconds, 2),
            ["ratio"] = Math.Round(rate / raw.WritesPerSecond, 3),
            ["grains"] = Concurrency,
            ["seconds"] = arguments.Seconds,
        };
    }
}

public interface IStateBenchGrain : IGrainWithIntegerKey
{
    Task Write(long counter);
}

/// <summary>Writes a document shaped like the raw baseline's on every call.</summary>
public sealed class StateBenchGrain([PersistentState("state")] IPersistentState<StateBenchDocument> state) : Grain, IStateBenchGrain
{
    public Task Write(long counter)
    {
        state.State = new StateBenchDocument
        {
            Title = "Ten habits of calm engineers",
            Counter = counter,
            Tags = ["productivity", "engineering", "habits", "carousel"],
            Body = "Slide bodies are a few sentences long; this stands in for one of them, with Кириллица and emoji ✨.",
            UpdatedAt = DateTimeOffset.UnixEpoch.AddSeconds(counter),
        };
        return state.WriteStateAsync();
    }
}

/// <summary>The benchmark's state document.</summary>
public sealed record StateBenchDocument
{
    public string Title { get; init; } = "";

    public long Counter { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string Body { get; init; } = "";

    public DateTimeOffset UpdatedAt { get; init; }
}

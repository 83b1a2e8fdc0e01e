using System.Text.Json.Nodes;
using VibeCoder.TestServers.Postgres;

namespace VibeCoder.Bench.Cluster;

/// <summary>
/// <c>cluster-carousels</c>: carousels per minute end to end through the production topology (<c>Silo</c> processes
/// and one <c>Gateway</c> in client mode on PostgreSQL), with 3 silos against, as the baseline, 1 silo. Closed-loop
/// API clients each keep one 7-slide carousel (offline content) in flight, long-polling it to completion.
/// </summary>
/// <remarks>
/// The two topologies run one after the other (each on a fresh database, warmed up first): both at once would let the
/// idle one's timers and stream polling tax the other. All processes share this machine's cores, so with fewer cores
/// than silos the ratio is what spreading the work over more silos costs (cross-silo calls, more membership and
/// stream polling), not the speed-up more machines would give.
/// </remarks>
internal static class ClusterCarouselsScenario
{
    private const int Slides = 7;
    private const int Silos = 3;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);

    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var clients = arguments.Count ?? 8;
        var logFolder = Directory.CreateTempSubdirectory("vibecoder-cluster-bench-");
        var keepLogs = true;
        try
        {
            await using var postgres = await PostgresTestServer.StartAsync(cancellationToken);
            var one = await MeasureAsync(postgres, 1, clients, arguments.Duration, logFolder.FullName, cancellationToken);
            var three = await MeasureAsync(postgres, Silos, clients, arguments.Duration, logFolder.FullName, cancellationToken);
            keepLogs = false;
            return new JsonObject
            {
                ["scenario"] = "cluster-carousels",
                ["value"] = Math.Round(three.PerMinute, 1),
                ["unit"] = "carousels/min",
                ["value_is"] = "3 Silo processes + 1 Gateway (client mode) on PostgreSQL",
                ["p50_ms"] = three.PercentileMs(50),
                ["p99_ms"] = three.PercentileMs(99),
                ["failed"] = three.Failed,
                ["silo_cpu_s"] = CpuArray(three),
                ["gateway_cpu_s"] = three.GatewayCpuSeconds,
                ["baseline"] = Math.Round(one.PerMinute, 1),
                ["baseline_is"] = "1 Silo process + 1 Gateway (client mode) on PostgreSQL",
                ["baseline_p50_ms"] = one.PercentileMs(50),
                ["baseline_p99_ms"] = one.PercentileMs(99),
                ["baseline_failed"] = one.Failed,
                ["baseline_silo_cpu_s"] = CpuArray(one),
                ["baseline_gateway_cpu_s"] = one.GatewayCpuSeconds,
                ["ratio"] = Math.Round(three.PerMinute / one.PerMinute, 3),
                ["note"] = Environment.ProcessorCount < Silos
                    ? $"{Environment.ProcessorCount} cores shared by every silo: the ratio measures the overhead of spreading over {Silos} silos, not speed-up"
                    : "every silo shares this machine's cores: the ratio is not the speed-up of separate machines",
                ["clients"] = clients,
                ["slides"] = Slides,
                ["content"] = "offline",
                ["cores"] = Environment.ProcessorCount,
                ["seconds"] = arguments.Seconds,
            };
        }
        finally
        {
            if (keepLogs)
            {
                Console.Error.WriteLine($"host logs kept in {logFolder.FullName}");
            }
            else
            {
                logFolder.Delete(recursive: true);
            }
        }
    }

    private static JsonArray CpuArray(CarouselRound round) => new(round.SiloCpuSeconds.Select(s => (JsonNode)s).ToArray());

    private static async Task<CarouselRound> MeasureAsync(
        PostgresTestServer postgres, int silos, int clients, TimeSpan window, string logFolder, CancellationToken cancellationToken)
    {
        var database = await postgres.CreateDatabaseAsync($"silos_{silos}", cancellationToken);
        var folder = Directory.CreateDirectory(Path.Combine(logFolder, $"silos-{silos}")).FullName;
        Console.Error.WriteLine($"{silos} silo(s): starting");
        await using var cluster = await ServiceCluster.StartAsync(silos, database, folder, cancellationToken);
        using var http = new HttpClient { BaseAddress = cluster.GatewayAddress, Timeout = TimeSpan.FromSeconds(60) };
        var load = new CarouselLoad(http, clients, Slides);
        await load.RunAsync(Warmup, cancellationToken);
        var silosBefore = cluster.SiloCpuTimes;
        var gatewayBefore = cluster.GatewayCpuTime;
        var round = await load.RunAsync(window, cancellationToken) with
        {
            // Where the work went: CPU per process over the round (the stragglers after the window included).
            SiloCpuSeconds = cluster.SiloCpuTimes.Zip(silosBefore, (after, before) => Math.Round((after - before).TotalSeconds, 2)).ToArray(),
            GatewayCpuSeconds = Math.Round((cluster.GatewayCpuTime - gatewayBefore).TotalSeconds, 2),
        };
        Console.Error.WriteLine(
            $"{silos} silo(s): {round.PerMinute:N0} carousels/min, p50 {round.PercentileMs(50):N0} ms, p99 {round.PercentileMs(99):N0} ms, {round.Failed} failed");
        return round;
    }
}

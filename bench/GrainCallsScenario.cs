using System.Globalization;
using System.Text.Json.Nodes;
using VibeCoder.TestServers.Net;

namespace VibeCoder.Bench;

/// <summary>
/// <c>grain-calls</c>: 1,000 grains, one closed-loop caller per grain (each yields after every call), on two silos in
/// two child processes: the product silo (<c>AddVibeCoderSilo</c> with STORAGE=memory: our call filter, activity
/// propagation, metrics, the dashboard) and, as the baseline, a bare Orleans silo with the same grains. Short rounds
/// alternate between them (ABBA), so bursts of outside load on this shared machine land on both sides.
/// </summary>
/// <remarks>
/// Separate processes, because meter and activity listeners are process-wide: the product's OpenTelemetry would
/// otherwise also listen to the bare silo's Orleans instruments. The idle side only runs its timers.
/// </remarks>
internal static class GrainCallsScenario
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var grains = arguments.Count ?? 1000;
        string[] childArguments = ["--count", grains.ToString(CultureInfo.InvariantCulture)];
        await using var bare = await StartAsync(GrainCallsSilo.BareRole, childArguments, cancellationToken);
        await using var product = await StartAsync(GrainCallsSilo.ProductRole, childArguments, cancellationToken);

        var rounds = Math.Max(2, (int)Math.Round(arguments.Seconds));
        var roundSeconds = arguments.Seconds / rounds;
        var productRates = new List<double>(rounds);
        var bareRates = new List<double>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            var productFirst = round % 2 == 0;
            foreach (var productTurn in productFirst ? new[] { true, false } : [false, true])
            {
                var side = productTurn ? product : bare;
                await side.SendAsync(string.Create(CultureInfo.InvariantCulture, $"run {roundSeconds}"));
                var rate = double.Parse(await side.ReadAsync(TimeSpan.FromSeconds(roundSeconds + 60), cancellationToken), CultureInfo.InvariantCulture);
                (productTurn ? productRates : bareRates).Add(rate);
            }

            Console.Error.WriteLine($"round {round + 1}: product {productRates[^1]:N0} calls/s, bare Orleans {bareRates[^1]:N0} calls/s");
        }

        var productSummary = await StopAsync(product, cancellationToken);
        var bareSummary = await StopAsync(bare, cancellationToken);
        var productRate = Median(productRates);
        var bareRate = Median(bareRates);
        return new JsonObject
        {
            ["scenario"] = "grain-calls",
            ["value"] = Math.Round(productRate),
            ["unit"] = "calls/s",
            ["p50_us"] = productSummary["p50_us"]!.GetValue<double>(),
            ["p99_us"] = productSummary["p99_us"]!.GetValue<double>(),
            ["slowest_caller_per_s"] = productSummary["slowest_caller_per_s"]!.GetValue<double>(),
            ["baseline"] = Math.Round(bareRate),
            ["baseline_p50_us"] = bareSummary["p50_us"]!.GetValue<double>(),
            ["baseline_p99_us"] = bareSummary["p99_us"]!.GetValue<double>(),
            ["baseline_slowest_caller_per_s"] = bareSummary["slowest_caller_per_s"]!.GetValue<double>(),
            ["ratio"] = Math.Round(productRate / bareRate, 3),
            ["target_ratio"] = 0.9,
            ["grains"] = grains,
            ["callers"] = grains,
            ["cores"] = Environment.ProcessorCount,
            ["seconds"] = arguments.Seconds,
            ["rounds"] = rounds,
        };
    }

    private static async Task<BenchChildProcess> StartAsync(string role, string[] arguments, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(LoopbackPorts.OrleansSettings())
        {
            ["STORAGE"] = "memory",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var child = BenchChildProcess.Start(role, arguments, environment);
        try
        {
            var ready = await child.ReadAsync(StartTimeout, cancellationToken);
            if (ready != "ready")
            {
                throw new InvalidOperationException($"{role} answered '{ready}' instead of ready.");
            }

            return child;
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    private static async Task<JsonObject> StopAsync(BenchChildProcess side, CancellationToken cancellationToken)
    {
        await side.SendAsync("stop");
        return JsonNode.Parse(await side.ReadAsync(TimeSpan.FromSeconds(60), cancellationToken))!.AsObject();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.TestingHost;

namespace VibeCoder.Bench;

/// <summary>
/// 1,000 grains, one caller loop per grain with one call in flight each (enough to keep both cores busy),
/// for the given time; the same load on 1,000 <see cref="MailboxActor"/>s is the baseline.
/// </summary>
internal static class GrainCallsScenario
{
    private const int SampleEvery = 64;

    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var grains = arguments.Count ?? 1000;
        await using var silo = await InProcessSilo.StartAsync(s => s.AddGrain<BenchGrain>(), cancellationToken: cancellationToken);
        var references = Enumerable.Range(0, grains).Select(i => silo.GrainFactory.GetGrain<IBenchGrain>(i)).ToArray();
        var actors = Enumerable.Range(0, grains).Select(_ => new MailboxActor()).ToArray();

        // Warm both paths (JIT tiers, activations) before measuring either.
        await DriveAsync(i => references[i].Ping(i), grains, TimeSpan.FromSeconds(2), null, cancellationToken);
        await DriveAsync(i => actors[i].Ping(i), grains, TimeSpan.FromSeconds(2), null, cancellationToken);

        // Alternate short rounds of each side and take each side's median, so a burst of outside load on this
        // shared machine lands on both sides instead of skewing one.
        var rounds = Math.Max(2, (int)Math.Round(arguments.Seconds));
        var roundLength = TimeSpan.FromSeconds(arguments.Seconds / rounds);
        var runtimeLatency = new LatencyRecorder(grains, SampleEvery);
        var baselineLatency = new LatencyRecorder(grains, SampleEvery);
        var runtimeRates = new List<double>();
        var baselineRates = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            runtimeRates.Add(await DriveAsync(i => references[i].Ping(i), grains, roundLength, runtimeLatency, cancellationToken));
            baselineRates.Add(await DriveAsync(i => actors[i].Ping(i), grains, roundLength, baselineLatency, cancellationToken));
            Console.Error.WriteLine($"round {round + 1}: runtime {runtimeRates[^1]:N0} calls/s, mailbox baseline {baselineRates[^1]:N0} calls/s");
        }

        var runtimeRate = Median(runtimeRates);
        var baselineRate = Median(baselineRates);

        return new JsonObject
        {
            ["scenario"] = "grain-calls",
            ["value"] = Math.Round(runtimeRate),
            ["unit"] = "calls/s",
            ["p50_us"] = runtimeLatency.PercentileMicroseconds(50),
            ["p99_us"] = runtimeLatency.PercentileMicroseconds(99),
            ["baseline"] = Math.Round(baselineRate),
            ["baseline_p50_us"] = baselineLatency.PercentileMicroseconds(50),
            ["baseline_p99_us"] = baselineLatency.PercentileMicroseconds(99),
            ["ratio"] = Math.Round(runtimeRate / baselineRate, 3),
            ["grains"] = grains,
            ["cores"] = Environment.ProcessorCount,
            ["seconds"] = arguments.Seconds,
            ["rounds"] = rounds,
        };
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Runs one loop per target; returns completed calls per second.</summary>
    internal static async Task<double> DriveAsync(Func<int, Task<int>> call, int targets, TimeSpan duration, LatencyRecorder? latency, CancellationToken cancellationToken)
    {
        var stop = false;
        var counts = new long[targets];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loops = Enumerable.Range(0, targets).Select(async worker =>
        {
            await start.Task;
            long n = 0;
            while (!Volatile.Read(ref stop))
            {
                if (latency is not null && n % SampleEvery == 0)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await call(worker);
                    latency.Record(worker, t0);
                }
                else
                {
                    await call(worker);
                }

                n++;
            }

            counts[worker] = n;
        }).ToArray();

        var clock = Stopwatch.StartNew();
        start.SetResult();
        await Task.Delay(duration, cancellationToken);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(loops);
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }
}

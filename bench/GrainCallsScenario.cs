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

        var runtimeLatency = new LatencyRecorder(grains, SampleEvery);
        var runtimeRate = await DriveAsync(i => references[i].Ping(i), grains, arguments.Duration, runtimeLatency, cancellationToken);
        Console.Error.WriteLine($"runtime: {runtimeRate:N0} calls/s");
        var baselineLatency = new LatencyRecorder(grains, SampleEvery);
        var baselineRate = await DriveAsync(i => actors[i].Ping(i), grains, arguments.Duration, baselineLatency, cancellationToken);
        Console.Error.WriteLine($"mailbox baseline: {baselineRate:N0} calls/s");

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
        };
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

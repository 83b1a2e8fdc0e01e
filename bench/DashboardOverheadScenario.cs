using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Runtime.Diagnostics;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.TestingHost;

namespace VibeCoder.Bench;

/// <summary>
/// The <c>grain-calls</c> load (1,000 grains, one caller loop each) with the dashboard's collectors off and on in
/// the same silo: the call profiler as the runtime's observer plus the once-a-second sampler, exactly what runs
/// while someone looks at the dashboard or scrapes <c>/metrics</c>. Short phases alternate (off, on, on, off, …).
/// </summary>
/// <remarks>
/// The figure is the loss of throughput per CPU second of this process (calls ÷ process CPU time), median over
/// the rounds: on a shared machine other processes take cores away in bursts, which moves calls per wall-clock
/// second by tens of percent from one second to the next but leaves the cost of a call alone. The wall-clock
/// rates and their loss are reported next to it.
/// </remarks>
internal static class DashboardOverheadScenario
{
    private const int Rounds = 20;

    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var grains = arguments.Count ?? 1000;
        await using var silo = await InProcessSilo.StartAsync(s => s.AddGrain<BenchGrain>(), cancellationToken: cancellationToken);
        var diagnostics = (SiloDiagnostics)silo.Services.GetRequiredService<ISiloDiagnostics>();
        var references = Enumerable.Range(0, grains).Select(i => silo.GrainFactory.GetGrain<IBenchGrain>(i)).ToArray();
        Task<int> Call(int i) => references[i].Ping(i);

        // Warm both paths (JIT tiers of the runtime and of the profiler, activations) before measuring either.
        diagnostics.KeepProfiling();
        await DriveAsync(Call, grains, TimeSpan.FromSeconds(2), cancellationToken);
        diagnostics.StopProfiling();
        await DriveAsync(Call, grains, TimeSpan.FromSeconds(2), cancellationToken);

        var phase = TimeSpan.FromSeconds(Math.Max(0.25, arguments.Seconds / (2 * Rounds)));
        var off = new Phase[Rounds];
        var on = new Phase[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            // Alternate which side goes first, so a trend over the run weighs on both equally.
            var onFirst = round % 2 == 1;
            for (var half = 0; half < 2; half++)
            {
                if ((half == 0) == onFirst)
                {
                    diagnostics.KeepProfiling();
                    on[round] = await DriveAsync(Call, grains, phase, cancellationToken);
                }
                else
                {
                    diagnostics.StopProfiling();
                    off[round] = await DriveAsync(Call, grains, phase, cancellationToken);
                }
            }

            Console.Error.WriteLine(
                $"round {round + 1,2}: off {off[round].PerWallSecond,12:N0}/s {off[round].PerCpuSecond,12:N0}/cpu-s   " +
                $"on {on[round].PerWallSecond,12:N0}/s {on[round].PerCpuSecond,12:N0}/cpu-s");
        }

        diagnostics.StopProfiling();
        var cpuLoss = Median(Enumerable.Range(0, Rounds).Select(r => Loss(off[r].PerCpuSecond, on[r].PerCpuSecond)));
        var wallLoss = Median(Enumerable.Range(0, Rounds).Select(r => Loss(off[r].PerWallSecond, on[r].PerWallSecond)));
        var profiled = diagnostics.GetGrainTypes().Sum(t => t.Calls.Calls);
        Console.Error.WriteLine($"overhead: {cpuLoss:F1} % per CPU second, {wallLoss:F1} % per wall-clock second (medians of {Rounds} rounds)");

        return new JsonObject
        {
            ["scenario"] = "dashboard-overhead",
            ["value"] = Math.Round(cpuLoss, 2),
            ["unit"] = "% of grain-calls throughput per CPU second lost with the collectors on (median of rounds)",
            ["collectors_on_calls_per_cpu_s"] = Math.Round(Median(on.Select(p => p.PerCpuSecond))),
            ["baseline"] = Math.Round(Median(off.Select(p => p.PerCpuSecond))),
            ["baseline_unit"] = "calls per CPU second with the collectors off",
            ["wall_overhead_percent"] = Math.Round(wallLoss, 2),
            ["collectors_on_calls_per_s"] = Math.Round(Median(on.Select(p => p.PerWallSecond))),
            ["collectors_off_calls_per_s"] = Math.Round(Median(off.Select(p => p.PerWallSecond))),
            ["profiled_calls"] = profiled,
            ["budget_percent"] = 5,
            ["grains"] = grains,
            ["rounds"] = Rounds,
            ["cores"] = Environment.ProcessorCount,
            ["seconds"] = arguments.Seconds,
        };
    }

    /// <summary>One loop per grain for <paramref name="duration"/>; counts calls, wall-clock and process CPU time.</summary>
    private static async Task<Phase> DriveAsync(Func<int, Task<int>> call, int targets, TimeSpan duration, CancellationToken cancellationToken)
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
                await call(worker);
                n++;
            }

            counts[worker] = n;
        }).ToArray();

        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        start.SetResult();
        await Task.Delay(duration, cancellationToken);
        Volatile.Write(ref stop, true);
        await Task.WhenAll(loops);
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        var calls = counts.Sum();
        return new Phase(calls / wall, calls / cpu);
    }

    private static double Loss(double off, double on) => (off - on) / off * 100;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private readonly record struct Phase(double PerWallSecond, double PerCpuSecond);
}

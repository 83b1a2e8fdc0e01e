using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace VibeCoder.Bench;

/// <summary>
/// The <c>grain-calls</c> load (1,000 grains, one caller loop each) against three silos in this process: one without
/// the Orleans dashboard, one with <c>AddDashboard()</c> while nobody looks (its profiler idle: the production steady
/// state), and one whose profiler traces every call (what runs while someone has the dashboard open). Short phases
/// alternate between them within each round; budget 5 %. The headline value is the viewed case, the worst.
/// </summary>
/// <remarks>
/// The figure is the loss of throughput per CPU second of this process (calls ÷ process CPU time), median over the
/// rounds: on a shared machine other processes take cores away in bursts, which moves calls per wall-clock second by
/// tens of percent from one second to the next but leaves the cost of a call alone. The idle silo's timers (the
/// dashboard's once-a-second collection included) run during both phases, so they weigh on both sides alike.
/// Uses the harness's <c>IBenchGrain.Ping(int)</c>.
/// </remarks>
internal static class DashboardOverheadScenario
{
    private const int Rounds = 20;

    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var grains = arguments.Count ?? 1000;
        using var withoutDashboard = await StartSiloAsync(dashboard: false, cancellationToken);
        using var idleDashboard = await StartSiloAsync(dashboard: true, cancellationToken, traceAlways: false);
        using var withDashboard = await StartSiloAsync(dashboard: true, cancellationToken, traceAlways: true);
        var offReferences = References(withoutDashboard, grains);
        var idleReferences = References(idleDashboard, grains);
        var onReferences = References(withDashboard, grains);
        Func<int, Task<int>>[] calls = [i => offReferences[i].Ping(i), i => idleReferences[i].Ping(i), i => onReferences[i].Ping(i)];

        // Warm every path (JIT tiers, activations) before measuring any.
        foreach (var call in calls)
        {
            await DriveAsync(call, grains, TimeSpan.FromSeconds(2), cancellationToken);
        }

        var phase = TimeSpan.FromSeconds(Math.Max(0.25, arguments.Seconds / (calls.Length * Rounds)));
        var phases = new Phase[calls.Length][];
        for (var side = 0; side < calls.Length; side++)
        {
            phases[side] = new Phase[Rounds];
        }

        for (var round = 0; round < Rounds; round++)
        {
            // Rotate which side goes first, so a trend over the run weighs on every side equally.
            for (var step = 0; step < calls.Length; step++)
            {
                var side = (round + step) % calls.Length;
                phases[side][round] = await DriveAsync(calls[side], grains, phase, cancellationToken);
            }

            Console.Error.WriteLine(
                $"round {round + 1,2}: off {phases[0][round].PerCpuSecond,10:N0}/cpu-s   idle {phases[1][round].PerCpuSecond,10:N0}/cpu-s   " +
                $"viewed {phases[2][round].PerCpuSecond,10:N0}/cpu-s");
        }

        await withDashboard.StopAsync(cancellationToken);
        await idleDashboard.StopAsync(cancellationToken);
        await withoutDashboard.StopAsync(cancellationToken);
        var (off, idle, on) = (phases[0], phases[1], phases[2]);
        var cpuLoss = Median(Enumerable.Range(0, Rounds).Select(r => Loss(off[r].PerCpuSecond, on[r].PerCpuSecond)));
        var idleLoss = Median(Enumerable.Range(0, Rounds).Select(r => Loss(off[r].PerCpuSecond, idle[r].PerCpuSecond)));
        var wallLoss = Median(Enumerable.Range(0, Rounds).Select(r => Loss(off[r].PerWallSecond, on[r].PerWallSecond)));
        Console.Error.WriteLine($"overhead: viewed {cpuLoss:F1} %, idle {idleLoss:F1} % per CPU second (medians of {Rounds} rounds)");

        return new JsonObject
        {
            ["scenario"] = "dashboard-overhead",
            ["value"] = Math.Round(cpuLoss, 2),
            ["unit"] = "% of grain-calls throughput per CPU second lost with the Orleans dashboard on (median of rounds)",
            ["dashboard_on_calls_per_cpu_s"] = Math.Round(Median(on.Select(p => p.PerCpuSecond))),
            ["baseline"] = Math.Round(Median(off.Select(p => p.PerCpuSecond))),
            ["baseline_unit"] = "calls per CPU second with the dashboard off (same run)",
            ["idle_overhead_percent"] = Math.Round(idleLoss, 2),
            ["idle_overhead_unit"] = "% per CPU second with the dashboard added but nobody looking (profiler idle)",
            ["wall_overhead_percent"] = Math.Round(wallLoss, 2),
            ["dashboard_on_calls_per_s"] = Math.Round(Median(on.Select(p => p.PerWallSecond))),
            ["dashboard_off_calls_per_s"] = Math.Round(Median(off.Select(p => p.PerWallSecond))),
            ["slowest_caller_share_on"] = Math.Round(Median(on.Select(p => p.SlowestShare)), 3),
            ["slowest_caller_share_off"] = Math.Round(Median(off.Select(p => p.SlowestShare)), 3),
            ["budget_percent"] = 5,
            ["within_budget"] = cpuLoss <= 5,
            ["idle_within_budget"] = idleLoss <= 5,
            ["grains"] = grains,
            ["rounds"] = Rounds,
            ["cores"] = Environment.ProcessorCount,
            ["seconds"] = arguments.Seconds,
        };
    }

    /// <summary>
    /// A silo of its own (localhost clustering on free ports); with <paramref name="traceAlways"/> the dashboard's
    /// profiler traces every call, as it does while the page is open (otherwise it waits for a viewer).
    /// </summary>
    private static async Task<IHost> StartSiloAsync(bool dashboard, CancellationToken cancellationToken, bool traceAlways = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: "bench", clusterId: "dashboard-" + Guid.NewGuid().ToString("N")[..8]);
            if (dashboard)
            {
                silo.AddDashboard();
                // The profiler starts enabled and switches itself off after DeactivationTime without a viewer (a minute
                // by default, longer than this run): the idle silo gets there during the warm-up.
                silo.Services.Configure<GrainProfilerOptions>(o =>
                {
                    o.TraceAlways = traceAlways;
                    o.DeactivationTime = traceAlways ? o.DeactivationTime : TimeSpan.FromSeconds(1);
                });
            }
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    private static IBenchGrain[] References(IHost silo, int grains)
    {
        var factory = silo.Services.GetRequiredService<IGrainFactory>();
        return [.. Enumerable.Range(0, grains).Select(i => factory.GetGrain<IBenchGrain>(i))];
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

                // Continuations run inline on the calling thread; without a yield a few callers starve the rest.
                await Task.Yield();
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
        var fair = calls / (double)targets;
        return new Phase(calls / wall, calls / cpu, fair == 0 ? 0 : counts.Min() / fair);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double Loss(double off, double on) => (off - on) / off * 100;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <param name="SlowestShare">The slowest caller's calls as a share of a fair share (1 = perfectly fair).</param>
    private readonly record struct Phase(double PerWallSecond, double PerCpuSecond, double SlowestShare);
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.TestingHost;

namespace VibeCoder.Bench;

/// <summary>
/// Activates many trivial grains and measures the managed heap per idle activation, against the same number
/// of grain-sized objects held in a plain dictionary (the baseline: what the grains themselves cost).
/// </summary>
internal static class ActivationsScenario
{
    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var count = arguments.Count ?? 1_000_000;

        var baselineBytes = MeasureHeap(() =>
        {
            var plain = new Dictionary<long, PlainGrain>(count);
            for (var i = 0; i < count; i++)
            {
                plain[i] = new PlainGrain();
            }

            return plain;
        });

        await using var silo = await InProcessSilo.StartAsync(s => s.AddGrain<BenchGrain>(), cancellationToken: cancellationToken);
        var factory = silo.GrainFactory;
        var before = HeapBytes();
        var clock = Stopwatch.StartNew();
        const int Window = 2000;
        for (var offset = 0; offset < count; offset += Window)
        {
            var batch = new Task[Math.Min(Window, count - offset)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = factory.GetGrain<IBenchGrain>(offset + i).Ping(i);
            }

            await Task.WhenAll(batch);
        }

        var activationsPerSecond = count / clock.Elapsed.TotalSeconds;
        var after = HeapBytes();
        var perActivation = (after - before) / (double)count;
        var perPlain = baselineBytes / (double)count;
        Console.Error.WriteLine($"{count:N0} activations in {clock.Elapsed.TotalSeconds:N1} s; {perActivation:N0} B each vs {perPlain:N0} B plain");

        return new JsonObject
        {
            ["scenario"] = "activations",
            ["value"] = Math.Round(perActivation),
            ["unit"] = "bytes/activation",
            ["baseline"] = Math.Round(perPlain),
            ["overhead_bytes"] = Math.Round(perActivation - perPlain),
            ["ratio"] = Math.Round(perPlain / perActivation, 3),
            ["activations_per_sec"] = Math.Round(activationsPerSecond),
            ["activations"] = count,
        };
    }

    private static long MeasureHeap(Func<object> build)
    {
        var before = HeapBytes();
        var kept = build();
        var after = HeapBytes();
        GC.KeepAlive(kept);
        return after - before;
    }

    private static long HeapBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>The same fields as <see cref="BenchGrain"/> without the runtime: a header and one int.</summary>
    private sealed class PlainGrain
    {
#pragma warning disable CS0169, CA1823 // the field gives the object BenchGrain's size
        private int _calls;
#pragma warning restore CS0169, CA1823
    }
}

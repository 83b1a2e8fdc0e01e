using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using VibeCoder.Bench;
using VibeCoder.Bench.Cluster;
using VibeCoder.Bench.Scenarios;

// Each scenario prints progress to stderr and, as the last line of stdout, one JSON object with its figures
// and a baseline measured in the same run, so the figure reads as a ratio on a noisy machine.
var scenarios = new Dictionary<string, Func<BenchArguments, CancellationToken, Task<JsonObject>>>(StringComparer.Ordinal)
{
    ["grain-calls"] = GrainCallsScenario.RunAsync,
    ["state-writes"] = StateWritesScenario.RunAsync,
    ["render-slides"] = (_, ct) => RenderSlidesScenario.RunAsync(ct),
    ["e2e-carousel"] = E2eCarouselScenario.RunAsync,
    ["edit-slide"] = EditSlideScenario.RunAsync,
    ["stream-throughput"] = StreamThroughputScenario.RunAsync,
    ["webhook-ingest"] = WebhookIngestScenario.RunAsync,
    ["overload"] = OverloadScenario.RunAsync,
    ["dashboard-overhead"] = DashboardOverheadScenario.RunAsync,
    ["cluster-calls"] = ClusterCallsScenario.RunAsync,
    ["cluster-carousels"] = ClusterCarouselsScenario.RunAsync,
};

// Roles grain-calls starts as child processes (one silo each); not scenarios of their own.
var roles = new Dictionary<string, Func<BenchArguments, CancellationToken, Task<JsonObject>>>(StringComparer.Ordinal)
{
    [GrainCallsSilo.BareRole] = GrainCallsSilo.RunBareAsync,
    [GrainCallsSilo.ProductRole] = GrainCallsSilo.RunProductAsync,
};

if (args.Length == 0 || !(scenarios.TryGetValue(args[0], out var run) || roles.TryGetValue(args[0], out run)))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project bench -- <{string.Join("|", scenarios.Keys)}> [--seconds N]");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// SIGTERM (a CI timeout, `kill`) unwinds like Ctrl-C, so the scenarios' child processes and PostgreSQL are stopped:
// left to the default action the runtime would end at once and orphan them.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

JsonObject result;
try
{
    result = await run(BenchArguments.Parse(args.Skip(1).ToArray()), cancellation.Token);
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    Console.Error.WriteLine($"{args[0]}: cancelled");
    return 130;
}

result["scenario"] ??= args[0];
Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
return 0;

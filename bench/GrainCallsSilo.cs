using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VibeCoder.Silo.Diagnostics;
using VibeCoder.Silo.Hosting;

namespace VibeCoder.Bench;

/// <summary>
/// One side of <c>grain-calls</c>, run as a child process by <see cref="GrainCallsScenario"/>: a silo plus the callers
/// that drive it from inside the same process. It warms up, answers <c>ready</c>, then runs a round per
/// <c>run &lt;seconds&gt;</c> line on stdin (answering that round's calls/s) until <c>stop</c>, which it answers with
/// the totals. Protocol lines start with <see cref="BenchChildProcess.Prefix"/>.
/// </summary>
internal static class GrainCallsSilo
{
    /// <summary>The role names the parent starts.</summary>
    public const string BareRole = "grain-calls-silo-bare";

    /// <inheritdoc cref="BareRole" />
    public const string ProductRole = "grain-calls-silo-product";

    private const int SampleEvery = 64;

    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    /// <summary>A bare Orleans silo: localhost clustering and the bench grain, nothing of ours.</summary>
    public static Task<JsonObject> RunBareAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var builder = CreateBuilder();
        var siloPort = int.Parse(builder.Configuration["ORLEANS_SILO_PORT"]!, CultureInfo.InvariantCulture);
        var gatewayPort = int.Parse(builder.Configuration["ORLEANS_GATEWAY_PORT"]!, CultureInfo.InvariantCulture);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort));
        return ServeAsync(builder.Build(), "bare", arguments, cancellationToken);
    }

    /// <summary>The silo as the Silo host composes it (<c>AddVibeCoderSilo</c>, its health, dashboard and /metrics endpoints).</summary>
    public static Task<JsonObject> RunProductAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var builder = CreateBuilder();
        builder.AddVibeCoderSilo();
        var app = builder.Build();
        app.MapVibeCoderHealth();
        app.MapVibeCoderDiagnostics();
        return ServeAsync(app, "product", arguments, cancellationToken);
    }

    private static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false"]);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder;
    }

    private static async Task<JsonObject> ServeAsync(WebApplication app, string side, BenchArguments arguments, CancellationToken cancellationToken)
    {
        await using var _ = app;
        await app.StartAsync(cancellationToken);
        var grains = arguments.Count ?? 1000;
        var factory = app.Services.GetRequiredService<IGrainFactory>();
        var references = Enumerable.Range(0, grains).Select(i => factory.GetGrain<IBenchGrain>(i)).ToArray();
        var load = new CallerLoad(grains, SampleEvery, i => references[i].Ping(i));
        await load.RunAsync(Warmup, measure: false, cancellationToken);
        Answer("ready");

        while (await Console.In.ReadLineAsync(cancellationToken) is { } command && command.StartsWith("run ", StringComparison.Ordinal))
        {
            var seconds = double.Parse(command["run ".Length..], CultureInfo.InvariantCulture);
            var rate = await load.RunAsync(TimeSpan.FromSeconds(seconds), measure: true, cancellationToken);
            Answer(rate.ToString("R", CultureInfo.InvariantCulture));
        }

        var summary = new JsonObject
        {
            ["side"] = side,
            ["calls"] = load.Calls,
            ["seconds"] = Math.Round(load.Seconds, 3),
            ["p50_us"] = load.Latency.PercentileMicroseconds(50),
            ["p99_us"] = load.Latency.PercentileMicroseconds(99),
            ["slowest_caller_per_s"] = Math.Round(load.SlowestCallerRate, 1),
        };
        Answer(summary.ToJsonString());
        await app.StopAsync(CancellationToken.None);
        return summary;
    }

    private static void Answer(string line)
    {
        Console.Out.WriteLine(BenchChildProcess.Prefix + line);
        Console.Out.Flush();
    }
}

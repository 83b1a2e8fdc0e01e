using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VibeCoder.Bench;

/// <summary>
/// <c>overload</c>: what shedding buys. A calibration first measures the sustainable carousel rate of the real gateway
/// (closed loop, 2 × cores clients, 7-slide offline carousels); then a fresh gateway is offered that rate for the phase
/// (the baseline) and another fresh one 3× that rate (the overload), each open loop. <c>value</c> is the p99 from
/// request to completed of the admitted jobs under overload; <c>baseline</c> the same at the sustainable rate; both
/// phases report admitted/shed and the gateway's peak working set.
/// </summary>
internal static class OverloadScenario
{
    private const double OverloadFactor = 3;
    private static readonly TimeSpan Calibration = TimeSpan.FromSeconds(10);

    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var duration = arguments.SecondsGiven ? arguments.Duration : TimeSpan.FromSeconds(30);
        var sustainable = await WithGatewayAsync(arguments, "calibration", (http, _) => CalibrateAsync(http, cancellationToken), cancellationToken);
        Console.Error.WriteLine($"sustainable rate {sustainable:N2} carousels/s");
        var baseline = await WithGatewayAsync(arguments, "baseline",
            (http, gateway) => new OverloadPhase(http, gateway, "baseline").RunAsync(sustainable, duration, cancellationToken), cancellationToken);
        var overload = await WithGatewayAsync(arguments, "overload",
            (http, gateway) => new OverloadPhase(http, gateway, "overload").RunAsync(sustainable * OverloadFactor, duration, cancellationToken), cancellationToken);

        var p99 = overload["p99_ms"]!.GetValue<double>();
        var baselineP99 = baseline["p99_ms"]!.GetValue<double>();
        return new JsonObject
        {
            ["scenario"] = "overload",
            ["value"] = p99,
            ["unit"] = "ms p99 admitted, 3x offered",
            ["baseline"] = baselineP99,
            ["ratio"] = Math.Round(baselineP99 / p99, 3),
            ["sustainable_per_s"] = Math.Round(sustainable, 2),
            ["seconds"] = duration.TotalSeconds,
            ["max_jobs_in_flight"] = 16 * Environment.ProcessorCount,
            ["render_concurrency"] = Environment.ProcessorCount,
            ["storage"] = arguments.Storage,
            ["overload"] = overload,
            ["sustained"] = baseline,
        };
    }

    // Each phase on a fresh gateway, so the working set and queues of one do not carry into the next.
    private static async Task<T> WithGatewayAsync<T>(
        BenchArguments arguments, string label, Func<HttpClient, GatewayProcess, Task<T>> phase, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("vibecoder-overload-");
        try
        {
            await using var gateway = await GatewayProcess.StartAsync(folder.FullName, new Dictionary<string, string>
            {
                ["STORAGE"] = arguments.Storage,
                ["SQLITE_PATH"] = Path.Combine(folder.FullName, "data", "overload.db"),
                ["Logging__LogLevel__Default"] = "Warning",
                ["API_RATE_LIMIT_PER_MINUTE"] = "0", // one client offers the whole burst: the per-client limit would shed it first
            }, cancellationToken);
            using var http = new HttpClient { BaseAddress = gateway.Address, Timeout = TimeSpan.FromSeconds(120) };
            for (var i = 0; i < 5; i++)
            {
                await CreateAndWaitAsync(http, $"Warm-up {label} topic {i}", cancellationToken);
            }

            return await phase(http, gateway);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<double> CalibrateAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var completed = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, 2 * Environment.ProcessorCount).Select(client => Task.Run(async () =>
        {
            for (var i = 0; Stopwatch.GetElapsedTime(started) < Calibration; i++)
            {
                if (await CreateAndWaitAsync(http, $"Calibration topic {client}-{i}", cancellationToken))
                {
                    Interlocked.Increment(ref completed);
                }
            }
        }, cancellationToken)));
        return completed / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<bool> CreateAndWaitAsync(HttpClient http, string topic, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/carousels", new { topic, slides = 7 }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return false; // not expected below the bound; counted as not completed
        }

        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString();
        while (true)
        {
            var job = await http.GetFromJsonAsync<JsonElement>($"api/carousels/{id}?waitSeconds=25", cancellationToken);
            var status = job.GetProperty("status").GetString();
            if (status is "completed" or "failed" or "cancelled")
            {
                return status == "completed";
            }
        }
    }
}

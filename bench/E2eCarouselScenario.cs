using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using VibeCoder.Content;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering;

namespace VibeCoder.Bench;

/// <summary>
/// <c>e2e-carousel</c>: 7-slide carousels with offline content through the HTTP API of the real gateway process
/// on its embedded defaults (SQLite, co-hosted silo), one at a time; <c>value</c> is the p50 from POST to
/// completed. The baseline is the same carousel made in-process with no service around it (offline content plus
/// rendering all slides), so the ratio shows what the service costs on top of the work itself.
/// </summary>
internal static class E2eCarouselScenario
{
    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var count = arguments.Count ?? 40;
        var folder = Directory.CreateTempSubdirectory("vibecoder-e2e-");
        try
        {
            await using var gateway = await GatewayProcess.StartAsync(folder.FullName, new Dictionary<string, string>
            {
                ["STORAGE"] = arguments.Storage,
                ["SQLITE_PATH"] = Path.Combine(folder.FullName, "data", "e2e.db"),
                ["Logging__LogLevel__Default"] = "Warning",
                ["API_RATE_LIMIT_PER_MINUTE"] = "0", // one client posting 45 carousels: the public limit would refuse most
            }, cancellationToken);
            using var http = new HttpClient { BaseAddress = gateway.Address, Timeout = TimeSpan.FromSeconds(60) };
            for (var i = 0; i < 5; i++)
            {
                await CreateAndWaitAsync(http, $"Warm-up topic number {i}", cancellationToken);
            }

            var service = new List<double>(count);
            for (var i = 0; i < count; i++)
            {
                service.Add(await CreateAndWaitAsync(http, $"Morning routines that stick, take {i}", cancellationToken));
            }

            var baseline = await MeasureInProcessAsync(count, cancellationToken);
            var p50 = Percentile(service, 50);
            var baselineP50 = Percentile(baseline, 50);
            Console.Error.WriteLine($"service p50 {p50:N1} ms, in-process p50 {baselineP50:N1} ms");
            return new JsonObject
            {
                ["scenario"] = "e2e-carousel",
                ["value"] = Math.Round(p50, 1),
                ["unit"] = "ms",
                ["p95_ms"] = Math.Round(Percentile(service, 95), 1),
                ["baseline"] = Math.Round(baselineP50, 1),
                ["baseline_p95_ms"] = Math.Round(Percentile(baseline, 95), 1),
                ["ratio"] = Math.Round(baselineP50 / p50, 3),
                ["target_p50_ms"] = 100,
                ["storage"] = arguments.Storage,
                ["carousels"] = count,
                ["slides"] = 7,
            };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<double> CreateAndWaitAsync(HttpClient http, string topic, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await http.PostAsJsonAsync("api/carousels", new { topic, slides = 7 }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString();
        var job = await http.GetFromJsonAsync<JsonElement>($"api/carousels/{id}?waitSeconds=30", cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (job.GetProperty("status").GetString() != "completed")
        {
            throw new InvalidOperationException($"Carousel {id} ended {job.GetProperty("status")}: {job.GetProperty("error")}");
        }

        return elapsed;
    }

    private static async Task<List<double>> MeasureInProcessAsync(int count, CancellationToken cancellationToken)
    {
        var generator = new OfflineContentGenerator();
        var renderer = new SkiaSlideRenderer();
        var design = new RenderOptions("midnight", SlideSize.Portrait, null, null);
        var times = new List<double>(count);
        for (var i = -5; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var content = await generator.GenerateAsync(new ContentRequest($"Morning routines that stick, take {i}", 7, "auto"), cancellationToken);
            await Parallel.ForEachAsync(content.Slides, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                (slide, _) =>
                {
                    renderer.RenderSlide(slide, 1, content.Slides.Count, design);
                    return ValueTask.CompletedTask;
                });
            if (i >= 0)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return times;
    }

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Clamp(Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using VibeCoder.Grains.Carousels;
using VibeCoder.Rendering;

namespace VibeCoder.Bench;

/// <summary>
/// <c>edit-slide</c>: what the page editor waits for after a change — through the HTTP API of the real gateway process
/// on its embedded defaults (SQLite, co-hosted silo), one client with the carousel's edit link: <c>PATCH</c> of a slide's
/// heading (with <c>If-Match</c>) followed by the <c>GET</c> of that slide's new image URL, bytes read; <c>value</c> is
/// the p50 of the pair. Baselines in the same run: drawing and encoding the same slide in-process with no service
/// around it (the work itself, <c>baseline</c>), and the <c>GET</c> of an unchanged, cached slide (the HTTP floor).
/// </summary>
internal static class EditSlideScenario
{
    private const int Slides = 7;
    private const int WarmUpEdits = 10;

    public static async Task<JsonObject> RunAsync(BenchArguments arguments, CancellationToken cancellationToken)
    {
        var count = arguments.Count ?? 100;
        var folder = Directory.CreateTempSubdirectory("vibecoder-edit-");
        try
        {
            await using var gateway = await GatewayProcess.StartAsync(folder.FullName, new Dictionary<string, string>
            {
                ["STORAGE"] = arguments.Storage,
                ["SQLITE_PATH"] = Path.Combine(folder.FullName, "data", "edit.db"),
                ["Logging__LogLevel__Default"] = "Warning",
            }, cancellationToken);
            using var http = new HttpClient { BaseAddress = gateway.Address, Timeout = TimeSpan.FromSeconds(60) };
            var (id, token, job) = await CreateAsync(http, cancellationToken);
            http.DefaultRequestHeaders.Add("X-Edit-Token", token);

            var revision = job.GetProperty("revision").GetInt32();
            for (var i = 0; i < WarmUpEdits; i++)
            {
                (revision, _, _) = await EditAndFetchAsync(http, id, SlideFor(i), $"Warm-up heading {i}", revision, cancellationToken);
            }

            var pairs = new List<double>(count);
            var patches = new List<double>(count);
            for (var i = 0; i < count; i++)
            {
                (revision, var patch, var pair) = await EditAndFetchAsync(http, id, SlideFor(i), $"Edited heading number {i}", revision, cancellationToken);
                patches.Add(patch);
                pairs.Add(pair);
            }

            var cached = await MeasureCachedGetAsync(http, id, count, cancellationToken);
            var render = MeasureRender(count);
            var p50 = Percentile(pairs, 50);
            var baseline = Percentile(render, 50);
            Console.Error.WriteLine(
                $"edit→image p50 {p50:N1} ms (PATCH alone {Percentile(patches, 50):N1}), p95 {Percentile(pairs, 95):N1}; "
                + $"in-process draw+PNG p50 {baseline:N1} ms; cached GET p50 {Percentile(cached, 50):N1} ms");
            return new JsonObject
            {
                ["scenario"] = "edit-slide",
                ["value"] = Math.Round(p50, 1),
                ["unit"] = "ms",
                ["p95_ms"] = Math.Round(Percentile(pairs, 95), 1),
                ["patch_p50_ms"] = Math.Round(Percentile(patches, 50), 1),
                ["patch_p95_ms"] = Math.Round(Percentile(patches, 95), 1),
                ["baseline"] = Math.Round(baseline, 1),
                ["baseline_what"] = "in-process draw + PNG of the same slide",
                ["baseline_p95_ms"] = Math.Round(Percentile(render, 95), 1),
                ["cached_get_p50_ms"] = Math.Round(Percentile(cached, 50), 2),
                ["ratio"] = Math.Round(baseline / p50, 3),
                ["target_p50_ms"] = 150,
                ["storage"] = arguments.Storage,
                ["edits"] = count,
            };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // Content slides only (2..6 of 7), in turn, so every edit draws a slide whose previous image is cached.
    private static int SlideFor(int i) => 2 + (i % (Slides - 2));

    private static async Task<(string Id, string Token, JsonElement Job)> CreateAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var response = await http.PostAsJsonAsync("api/carousels", new { topic = "Morning routines that stick", slides = Slides }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var id = accepted.GetProperty("id").GetString()!;
        var job = await http.GetFromJsonAsync<JsonElement>($"api/carousels/{id}?waitSeconds=25", cancellationToken);
        if (job.GetProperty("status").GetString() != "completed")
        {
            throw new InvalidOperationException($"Carousel {id} ended {job.GetProperty("status")}: {job.GetProperty("error")}");
        }

        return (id, accepted.GetProperty("edit").GetProperty("token").GetString()!, job);
    }

    private static async Task<(int Revision, double Patch, double Pair)> EditAndFetchAsync(
        HttpClient http, string id, int slide, string heading, int revision, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"api/carousels/{id}/slides/{slide}")
        {
            Content = JsonContent.Create(new { heading }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{revision.ToString(CultureInfo.InvariantCulture)}\""));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var job = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var patched = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var png = await http.GetByteArrayAsync(job.GetProperty("slides")[slide - 1].GetProperty("imageUrl").GetString(), cancellationToken);
        var pair = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (png.Length < 1000)
        {
            throw new InvalidOperationException($"Slide {slide} came back as {png.Length} bytes.");
        }

        return (job.GetProperty("revision").GetInt32(), patched, pair);
    }

    private static async Task<List<double>> MeasureCachedGetAsync(HttpClient http, string id, int count, CancellationToken cancellationToken)
    {
        var job = await http.GetFromJsonAsync<JsonElement>($"api/carousels/{id}", cancellationToken);
        var url = job.GetProperty("slides")[0].GetProperty("imageUrl").GetString();
        var times = new List<double>(count);
        for (var i = -5; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await http.GetByteArrayAsync(url, cancellationToken);
            if (i >= 0)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return times;
    }

    private static List<double> MeasureRender(int count)
    {
        var renderer = new SkiaSlideRenderer();
        var design = new RenderOptions("midnight", SlideSize.Portrait, null, null);
        var times = new List<double>(count);
        for (var i = -5; i < count; i++)
        {
            var slide = new SlideContent(SlideKind.Content, $"Edited heading number {i}",
                "Small steps, taken daily, beat rare bursts of effort. Get it right and it saves time, lowers stress and keeps paying off.");
            var started = Stopwatch.GetTimestamp();
            var png = renderer.RenderSlide(slide, 3, Slides, design).Png;
            if (i >= 0)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            GC.KeepAlive(png);
        }

        return times;
    }

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Clamp(Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

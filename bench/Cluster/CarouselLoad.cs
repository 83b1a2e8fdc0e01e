using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace VibeCoder.Bench.Cluster;

/// <summary>
/// Closed-loop API clients, each with one carousel in flight: <c>POST /api/carousels</c>, then
/// <c>GET /api/carousels/{id}?waitSeconds=25</c> (long-poll) until the job is final, then the next one. A round counts
/// the carousels completed inside its window; those still running at its end are awaited, so the next round starts
/// on an idle service, but not counted.
/// </summary>
internal sealed class CarouselLoad(HttpClient http, int clients, int slides)
{
    private int _topics;

    /// <summary>Runs every client for <paramref name="window"/>.</summary>
    /// <exception cref="HttpRequestException">The API answered an error.</exception>
    public async Task<CarouselRound> RunAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var failed = 0;
        var latencies = new List<double>[clients];
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = latencies[client] = [];
            while (clock.Elapsed < window)
            {
                var started = clock.Elapsed;
                var topic = string.Create(CultureInfo.InvariantCulture, $"Habits that survive a busy week, part {Interlocked.Increment(ref _topics)}");
                var status = await CreateAndWaitAsync(topic, cancellationToken);
                var ended = clock.Elapsed;
                if (status != "completed")
                {
                    Interlocked.Increment(ref failed);
                }
                else if (ended <= window)
                {
                    mine.Add((ended - started).TotalMilliseconds);
                }
            }
        }));

        var all = latencies.SelectMany(l => l).ToList();
        return new CarouselRound(all.Count, failed, window.TotalSeconds, all);
    }

    private async Task<string> CreateAndWaitAsync(string topic, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/carousels", new { topic, slides }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString();
        while (true)
        {
            var job = await http.GetFromJsonAsync<JsonElement>($"api/carousels/{id}?waitSeconds=25", cancellationToken);
            var status = job.GetProperty("status").GetString()!;
            if (status is "failed" or "cancelled")
            {
                Console.Error.WriteLine($"carousel {id} ended {status}: {job.GetProperty("error")}");
            }

            if (status is "completed" or "failed" or "cancelled")
            {
                return status;
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VibeCoder.Bench;

/// <summary>
/// One open-loop phase of <c>overload</c>: carousel requests sent on a fixed schedule (whatever the answers), each
/// admitted job followed until final; latency is timed from the request's scheduled start, so a queue in the client
/// cannot hide one in the service. The gateway's working set is sampled while the phase runs.
/// </summary>
internal sealed class OverloadPhase(HttpClient http, GatewayProcess gateway, string label)
{
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly ConcurrentBag<double> _retryAfters = [];
    private int _admitted;
    private int _shed;
    private int _errors;
    private int _failed;

    /// <summary>Offers <paramref name="rate"/> carousels a second for <paramref name="duration"/>, then waits for the admitted ones.</summary>
    public async Task<JsonObject> RunAsync(double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var peakWorkingSet = gateway.WorkingSetBytes;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakWorkingSet = Math.Max(peakWorkingSet, gateway.WorkingSetBytes);
                try
                {
                    await Task.Delay(100, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);

        var requests = new List<Task>();
        var started = Stopwatch.GetTimestamp();
        var interval = TimeSpan.FromSeconds(1 / rate);
        for (var i = 0; ; i++)
        {
            var due = interval * i;
            if (due >= duration)
            {
                break;
            }

            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var scheduled = started + (long)(due.TotalSeconds * Stopwatch.Frequency);
            requests.Add(Task.Run(() => OneAsync($"{label} topic number {i}", scheduled, cancellationToken), cancellationToken));
        }

        await Task.WhenAll(requests);
        await sampling.CancelAsync();
        await sampler;
        var latencies = _latencies.Order().ToArray();
        Console.Error.WriteLine($"{label}: offered {requests.Count} at {rate:N2}/s, admitted {_admitted}, shed {_shed}, errors {_errors}, p99 {Percentile(latencies, 99):N0} ms, peak working set {peakWorkingSet / 1048576.0:N0} MiB");
        return new JsonObject
        {
            ["offered_per_s"] = Math.Round(rate, 2),
            ["offered"] = requests.Count,
            ["admitted"] = _admitted,
            ["shed"] = _shed,
            ["errors"] = _errors,
            ["failed_jobs"] = _failed,
            ["p50_ms"] = Math.Round(Percentile(latencies, 50), 0),
            ["p99_ms"] = Math.Round(Percentile(latencies, 99), 0),
            ["max_ms"] = Math.Round(latencies.LastOrDefault(), 0),
            ["retry_after_s_median"] = _retryAfters.IsEmpty ? null : Percentile(_retryAfters.Order().ToArray(), 50),
            ["peak_working_set_mb"] = Math.Round(peakWorkingSet / 1048576.0, 0),
        };
    }

    private async Task OneAsync(string topic, long scheduled, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("api/carousels", new { topic, slides = 7 }, cancellationToken);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Interlocked.Increment(ref _shed);
                if (response.Headers.RetryAfter?.Delta is { } retryAfter)
                {
                    _retryAfters.Add(retryAfter.TotalSeconds);
                }

                return;
            }

            response.EnsureSuccessStatusCode();
            Interlocked.Increment(ref _admitted);
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString();
            while (true)
            {
                var job = await http.GetFromJsonAsync<JsonElement>($"api/carousels/{id}?waitSeconds=25", cancellationToken);
                var status = job.GetProperty("status").GetString();
                if (status is "completed" or "failed" or "cancelled")
                {
                    if (status != "completed")
                    {
                        Interlocked.Increment(ref _failed);
                    }

                    _latencies.Add(Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds);
                    return;
                }
            }
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _errors);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _errors); // the client's timeout
        }
    }

    internal static double Percentile(double[] sorted, double percentile) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Clamp(Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

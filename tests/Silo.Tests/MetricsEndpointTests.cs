using System.Net;
using VibeCoder.Silo.Tests.Grains;
using VibeCoder.Silo.Tests.Support;

namespace VibeCoder.Silo.Tests;

/// <summary><c>GET /metrics</c>: strict Prometheus text format with runtime, storage, HTTP and process families.</summary>
[Collection(DashboardCollection.Name)]
public sealed class MetricsEndpointTests(DashboardFixture fixture) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Metrics_AfterGrainCalls_ParseStrictlyAndCoverRuntimeStorageHttpAndProcess()
    {
        await ScrapeAsync(); // a scrape is a look: profiling on
        var key = Random.Shared.Next(5_000_000, 6_000_000);
        await fixture.Host.Grains.GetGrain<ITallyGrain>(key).Add(2, "metrics").WaitAsync(Timeout);
        await fixture.Host.Grains.GetGrain<ITallyGrain>(key).Get().WaitAsync(Timeout);

        var (response, text) = await ScrapeAsync();
        var metrics = PrometheusExposition.Parse(text);

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var latency = metrics.Families["vibecoder_grain_call_duration_seconds"];
        Assert.Equal("histogram", latency.Type);
        Assert.Contains(latency.Samples, s => s.Name.EndsWith("_count", StringComparison.Ordinal)
            && s.Labels["grain_type"] == "tally" && s.Labels["grain_method"] == "Add" && s.Value >= 1);
        Assert.Equal("gauge", metrics.Families["vibecoder_grain_activations"].Type);
        Assert.Contains(metrics.Families["vibecoder_grain_activations"].Samples, s => s.Labels["grain_type"] == "tally" && s.Value >= 1);
        Assert.Equal("counter", metrics.Families["vibecoder_grain_calls_total"].Type);
        Assert.Equal("gauge", metrics.Families["vibecoder_grain_queue_length"].Type);
        Assert.Equal("histogram", metrics.Families["vibecoder_storage_duration_milliseconds"].Type);
        Assert.Contains(metrics.Families["vibecoder_storage_duration_milliseconds"].Samples, s => s.Labels.GetValueOrDefault("operation") == "write");
        Assert.Equal("histogram", metrics.Families["http_server_request_duration_seconds"].Type);
        Assert.Equal("counter", metrics.Families["dotnet_process_cpu_time_seconds_total"].Type);
        Assert.Equal("gauge", metrics.Families["dotnet_process_memory_working_set_bytes"].Type);
        Assert.Equal("counter", metrics.Families["dotnet_gc_collections_total"].Type);
        Assert.Equal("gauge", metrics.Families["dotnet_thread_pool_thread_count"].Type);
        Assert.All(metrics.Families.Values, f => Assert.False(string.IsNullOrEmpty(f.Help), $"{f.Name} has no HELP"));
    }

    [Fact]
    public async Task Metrics_CallCounter_GrowsWithMoreCalls()
    {
        await ScrapeAsync();
        var key = Random.Shared.Next(6_000_000, 7_000_000);
        await fixture.Host.Grains.GetGrain<ITallyGrain>(key).Add(1, "metrics").WaitAsync(Timeout);
        var before = AddCalls(PrometheusExposition.Parse((await ScrapeAsync()).Text));

        for (var i = 0; i < 4; i++)
        {
            await fixture.Host.Grains.GetGrain<ITallyGrain>(key).Add(1, "metrics").WaitAsync(Timeout);
        }

        var after = AddCalls(PrometheusExposition.Parse((await ScrapeAsync()).Text));
        Assert.True(after >= before + 4, $"calls went from {before} to {after}");
    }

    [Fact]
    public void StrictParser_MalformedExposition_Throws()
    {
        Assert.Throws<FormatException>(() => PrometheusExposition.Parse("x_total 1\n"));                                   // no TYPE
        Assert.Throws<FormatException>(() => PrometheusExposition.Parse("# TYPE x counter\nx 1\n"));                        // counter not *_total
        Assert.Throws<FormatException>(() => PrometheusExposition.Parse("# TYPE x gauge\nx{a=\"\\t\"} 1\n"));               // bad escape
        Assert.Throws<FormatException>(() => PrometheusExposition.Parse("# TYPE x gauge\nx 1,5\n"));                        // bad value
        Assert.Throws<FormatException>(() => PrometheusExposition.Parse("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_sum 1\nh_count 2\n")); // no +Inf
        Assert.Throws<FormatException>(() => PrometheusExposition.Parse("# TYPE x gauge\nx 1\nx 2\n"));                     // duplicate series
    }

    public void Dispose() => _client.Dispose();

    private async Task<(HttpResponseMessage Response, string Text)> ScrapeAsync()
    {
        var response = await _client.GetAsync("metrics").WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static double AddCalls(PrometheusExposition metrics) =>
        metrics.Families["vibecoder_grain_calls_total"].Samples
            .Where(s => s.Labels["grain_type"] == "tally" && s.Labels["grain_method"] == "Add")
            .Sum(s => s.Value);
}

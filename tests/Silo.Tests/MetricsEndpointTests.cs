using System.Diagnostics.Metrics;
using System.Net;
using VibeCoder.Silo.Diagnostics;
using VibeCoder.Silo.Tests.Support;

namespace VibeCoder.Silo.Tests;

/// <summary><c>GET /metrics</c>: strict Prometheus text format with Orleans', the product's, HTTP and runtime families.</summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class MetricsEndpointTests(DiagnosticsFixture fixture) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Metrics_AfterACarousel_ParseStrictlyAndCoverOrleansProductHttpAndRuntime()
    {
        await fixture.Host.RunCarouselAsync("Metrics after one carousel");

        var (response, text) = await ScrapeAsync();
        var metrics = PrometheusExposition.Parse(text);

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains(metrics.Families.Keys, name => name.StartsWith("orleans_", StringComparison.Ordinal));
        AssertSample(metrics, "vibecoder_carousel_jobs_total", "counter", s => s.Labels.GetValueOrDefault("status") == "completed" && s.Value >= 1);
        AssertSample(metrics, "vibecoder_workflow_step_duration_milliseconds", "histogram", s => s.Labels.GetValueOrDefault("step") == "render" && s.Name.EndsWith("_count", StringComparison.Ordinal));
        AssertSample(metrics, "vibecoder_llm_duration_milliseconds", "histogram", s => s.Labels.GetValueOrDefault("outcome") == "success" && s.Name.EndsWith("_count", StringComparison.Ordinal));
        AssertSample(metrics, "vibecoder_render_duration_milliseconds", "histogram", s => s.Labels.GetValueOrDefault("output") == "png" && s.Name.EndsWith("_count", StringComparison.Ordinal) && s.Value >= 3);
        AssertSample(metrics, "vibecoder_grain_call_duration_seconds", "histogram", s => s.Labels.GetValueOrDefault("grain_method") == "Start" && s.Name.EndsWith("_count", StringComparison.Ordinal));
        AssertSample(metrics, "http_server_request_duration_seconds", "histogram", s => s.Labels.GetValueOrDefault("http_route") == "/test/carousels");
        Assert.Equal("counter", metrics.Families["dotnet_process_cpu_time_seconds_total"].Type);
        Assert.Equal("gauge", metrics.Families["dotnet_process_memory_working_set_bytes"].Type);
        Assert.Equal("counter", metrics.Families["dotnet_gc_collections_total"].Type);
    }

    [Fact]
    public async Task Metrics_NewProductMeter_IsExportedWithoutBeingListed()
    {
        // Any "VibeCoder.*" meter is exported: Telegram's and the webhook intake's meters live in other assemblies.
        using var meter = new Meter("VibeCoder.Tests.Probe");
        var counter = meter.CreateCounter<long>("vibecoder.tests.probe", "{probe}", "A probe counter of the tests.");
        counter.Add(3, new KeyValuePair<string, object?>("method", "sendMessage"));

        var metrics = PrometheusExposition.Parse((await ScrapeAsync()).Text);

        AssertSample(metrics, "vibecoder_tests_probe_total", "counter", s => s.Labels.GetValueOrDefault("method") == "sendMessage" && s.Value == 3);
        Assert.Contains(TelemetryNames.TelegramBot, TelemetryNames.Product);
        Assert.All(TelemetryNames.Product, name => Assert.StartsWith(TelemetryNames.ProductWildcard.TrimEnd('*'), name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_GrainCallCounter_GrowsWithMoreCalls()
    {
        var before = StartCalls(PrometheusExposition.Parse((await ScrapeAsync()).Text));
        await fixture.Host.RunCarouselAsync("One more carousel");

        var after = StartCalls(PrometheusExposition.Parse((await ScrapeAsync()).Text));

        Assert.True(after >= before + 1, $"Start calls went from {before} to {after}");
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

    private static void AssertSample(PrometheusExposition metrics, string family, string type, Func<PrometheusExposition.Sample, bool> match)
    {
        Assert.True(metrics.Families.TryGetValue(family, out var found), $"no family {family}; have: {string.Join(", ", metrics.Families.Keys.Where(k => k.StartsWith("vibecoder", StringComparison.Ordinal)))}");
        Assert.Equal(type, found.Type);
        Assert.Contains(found.Samples, s => match(s));
    }

    private static double StartCalls(PrometheusExposition metrics) =>
        metrics.Families.TryGetValue("vibecoder_grain_call_duration_seconds", out var family)
            ? family.Samples.Where(s => s.Name.EndsWith("_count", StringComparison.Ordinal) && s.Labels.GetValueOrDefault("grain_method") == "Start").Sum(s => s.Value)
            : 0;

    private async Task<(HttpResponseMessage Response, string Text)> ScrapeAsync()
    {
        var response = await _client.GetAsync("metrics").WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsStringAsync());
    }
}

using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using VibeCoder.Silo.Diagnostics;
using VibeCoder.Silo.Hosting;
using VibeCoder.Silo.Tests.Support;

namespace VibeCoder.Silo.Tests;

/// <summary>
/// One trace from an HTTP request through the grain calls it makes into the workflow's steps and content generation,
/// every span tagged with the flow's correlation id, exported over OTLP/HTTP to a receiver on loopback.
/// </summary>
public sealed class TracingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OtlpExport_HttpRequestStartingACarousel_IsOneTraceThroughGrainsAndStepsWithTheCorrelationId()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "silo-tests",
        });
        var correlation = "corr-" + Guid.NewGuid().ToString("N")[..8];

        await host.RunCarouselAsync("Tracing a carousel", correlation);
        host.Services.GetRequiredService<TracerProvider>().ForceFlush((int)Timeout.TotalMilliseconds);
        bool Tagged(OtlpSpan s) => s.Attributes.GetValueOrDefault(CorrelationIds.TagName) == correlation;
        bool Complete(IReadOnlyCollection<OtlpSpan> spans) =>
            spans.Any(s => s.Name == "POST /test/carousels" && Tagged(s))
            && spans.Any(s => s.Name == "workflow.render" && Tagged(s))
            && spans.Any(s => s.Name == "content.generate" && Tagged(s));
        try
        {
            await receiver.WaitForAsync(Complete).WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail("Spans received: " + string.Join(" | ", receiver.Spans.Select(s => $"{s.Scope}:{s.Name}:{s.Kind}:{s.Attributes.GetValueOrDefault(CorrelationIds.TagName)}")));
        }

        var all = receiver.Spans.ToArray();
        var http = all.Single(s => s.Name == "POST /test/carousels" && Tagged(s));
        var trace = all.Where(s => s.TraceId == http.TraceId).ToDictionary(s => s.SpanId);
        bool Below(OtlpSpan span, OtlpSpan ancestor)
        {
            for (var current = span; trace.TryGetValue(current.ParentSpanId, out var parent); current = parent)
            {
                if (parent.SpanId == ancestor.SpanId)
                {
                    return true;
                }
            }

            return false;
        }

        var grainSpans = trace.Values.Where(s => s.Scope == "Microsoft.Orleans.Application").ToArray();
        var startClient = Assert.Single(grainSpans, s => s.Kind == OtlpSpan.KindClient && s.Name.Contains("IWorkflowGrain", StringComparison.Ordinal) && s.Name.EndsWith("Start", StringComparison.Ordinal));
        var startServer = Assert.Single(grainSpans, s => s.Kind == OtlpSpan.KindServer && s.ParentSpanId == startClient.SpanId);
        Assert.Equal(http.SpanId, startClient.ParentSpanId);
        Assert.Contains(grainSpans, s => s.Kind == OtlpSpan.KindServer && s.Name.Contains("ICarouselJobGrain", StringComparison.Ordinal) && Below(s, startServer));
        var render = trace.Values.Single(s => s.Name == "workflow.render");
        var content = trace.Values.Single(s => s.Name == "content.generate");
        Assert.True(Below(render, startServer), "the render step is not inside the workflow's Start call");
        Assert.True(Below(content, http), "content generation is not in the request's trace");
        Assert.All([startClient, startServer, render, content], s => Assert.True(Tagged(s), $"{s.Name} lacks the correlation id"));
    }

    [Fact]
    public async Task Settings_InvalidEndpointOrProtocol_FailNamingTheVariable()
    {
        var endpoint = await Assert.ThrowsAsync<InvalidConfigurationException>(() =>
            TestHost.StartAsync(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "not a url" }));
        var protocol = await Assert.ThrowsAsync<InvalidConfigurationException>(() =>
            TestHost.StartAsync(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318", ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "carrier-pigeon" }));

        Assert.StartsWith("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint.Message, StringComparison.Ordinal);
        Assert.StartsWith("OTEL_EXPORTER_OTLP_PROTOCOL", protocol.Message, StringComparison.Ordinal);
    }
}

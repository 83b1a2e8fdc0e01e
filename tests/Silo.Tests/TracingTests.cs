using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Silo.Tests.Support;
using VibeCoder.Silo.Tracing;

namespace VibeCoder.Silo.Tests;

/// <summary>Spans for an HTTP request and the grain calls it makes, exported over OTLP/HTTP to a receiver on loopback.</summary>
public sealed class TracingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task OtlpExport_HttpRequestCallingGrains_ReachesReceiverAsOneTraceCallerToCallee()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "silo-tests",
        });
        using var client = host.CreateClient();
        var name = "trace" + Guid.NewGuid().ToString("N")[..6];
        using var request = new HttpRequestMessage(HttpMethod.Get, $"test/greet/{name}");
        request.Headers.Add(CorrelationIds.HeaderName, "corr-" + name);

        using var response = await client.SendAsync(request).WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("corr-" + name, response.Headers.GetValues(CorrelationIds.HeaderName).Single());
        host.Services.GetRequiredService<TracerProviderHost>().ForceFlush(Timeout);
        bool Complete(IReadOnlyCollection<OtlpSpan> spans) =>
            spans.Any(s => s.Name == "ITallyGrain/Add" && s.Kind == OtlpSpan.KindServer && s.Attributes.GetValueOrDefault("correlation.id") == "corr-" + name)
            && spans.Any(s => s.Name == "GET /test/greet/{name}" && s.Attributes.GetValueOrDefault("correlation.id") == "corr-" + name);
        await receiver.WaitForAsync(Complete).WaitAsync(Timeout);

        var all = receiver.Spans.ToArray();
        var http = all.Single(s => s.Name == "GET /test/greet/{name}" && s.Attributes.GetValueOrDefault("correlation.id") == "corr-" + name);
        var trace = all.Where(s => s.TraceId == http.TraceId).ToArray();
        var greetClient = trace.Single(s => s.Name == "IGreeterGrain/Greet" && s.Kind == OtlpSpan.KindClient);
        var greetServer = trace.Single(s => s.Name == "IGreeterGrain/Greet" && s.Kind == OtlpSpan.KindServer);
        var addClient = trace.Single(s => s.Name == "ITallyGrain/Add" && s.Kind == OtlpSpan.KindClient);
        var addServer = trace.Single(s => s.Name == "ITallyGrain/Add" && s.Kind == OtlpSpan.KindServer);

        Assert.Equal(http.SpanId, greetClient.ParentSpanId);
        Assert.Equal(greetClient.SpanId, greetServer.ParentSpanId);
        Assert.Equal(greetServer.SpanId, addClient.ParentSpanId);
        Assert.Equal(addClient.SpanId, addServer.ParentSpanId);
        Assert.Equal($"greeter/{name}", greetServer.Attributes["vibecoder.grain.id"]);
        Assert.Equal($"greeter/{name}", addClient.Attributes["vibecoder.grain.caller"]);
        Assert.All([greetClient, greetServer, addClient, addServer], s => Assert.Equal("corr-" + name, s.Attributes["correlation.id"]));
        Assert.Equal("VibeCoder.Runtime", addServer.Scope);
    }

    [Fact]
    public async Task Settings_InvalidEndpointOrProtocol_FailNamingTheVariable()
    {
        var endpoint = await Assert.ThrowsAsync<Hosting.InvalidConfigurationException>(() =>
            TestHost.StartAsync(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "not a url" }));
        var protocol = await Assert.ThrowsAsync<Hosting.InvalidConfigurationException>(() =>
            TestHost.StartAsync(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318", ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "carrier-pigeon" }));

        Assert.StartsWith("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint.Message, StringComparison.Ordinal);
        Assert.StartsWith("OTEL_EXPORTER_OTLP_PROTOCOL", protocol.Message, StringComparison.Ordinal);
    }
}

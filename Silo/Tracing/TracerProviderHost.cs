using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Silo.Metrics;

namespace VibeCoder.Silo.Tracing;

/// <summary>
/// Owns the OpenTelemetry tracer provider that exports spans over OTLP (built with
/// <c>Sdk.CreateTracerProviderBuilder</c>: OpenTelemetry.Extensions.Hosting is not in our feed). It listens to the
/// product's sources, ASP.NET Core and HttpClient; it starts with the host, flushes when the host stops and is
/// disposed with it.
/// </summary>
internal sealed partial class TracerProviderHost(TracingSettings settings, Microsoft.Extensions.Options.IOptions<SiloOptions> silo, ILogger<TracerProviderHost> logger)
    : IHostedService, IDisposable
{
    private TracerProvider? _provider;

    /// <summary>Exports every finished span now (tests; shutdown does it by itself).</summary>
    public bool ForceFlush(TimeSpan timeout) => _provider?.ForceFlush((int)timeout.TotalMilliseconds) ?? false;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = settings.TracesEndpoint!;
        _provider = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(settings.ServiceName, serviceInstanceId: silo.Value.SiloName))
            .AddSource([.. TelemetryNames.Product, TelemetryNames.ProductPrefix + "*", "Microsoft.AspNetCore", "System.Net.Http"])
            .AddOtlpExporter(options =>
            {
                options.Endpoint = endpoint;
                options.Protocol = settings.Protocol == OtlpTransport.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
            })
            .Build();
        // Scheme, host and path only: a URL may carry credentials.
        Log.ExportingTraces(logger, $"{endpoint.Scheme}://{endpoint.Authority}{endpoint.AbsolutePath}", settings.Protocol, settings.ServiceName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _provider?.ForceFlush(5000);
        return Task.CompletedTask;
    }

    public void Dispose() => _provider?.Dispose();

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Exporting traces to {Endpoint} over OTLP {Protocol} as service {ServiceName}")]
        public static partial void ExportingTraces(ILogger logger, string endpoint, OtlpTransport protocol, string serviceName);
    }
}

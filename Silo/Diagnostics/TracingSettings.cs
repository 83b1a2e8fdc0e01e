using Microsoft.Extensions.Configuration;
using VibeCoder.Silo.Hosting;

namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// Trace export settings read from the standard OpenTelemetry variables: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// (export is on when set), <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (<c>http/protobuf</c>, the default, or
/// <c>grpc</c>) and <c>OTEL_SERVICE_NAME</c> (default <c>vibecoder</c>). Grain call spans come from Orleans' activity propagation,
/// which the silo always adds (it costs nothing while no listener is attached).
/// </summary>
/// <param name="Endpoint">The collector's base address, or null when traces are not exported.</param>
/// <param name="Protocol">The OTLP transport.</param>
/// <param name="ServiceName">The <c>service.name</c> resource attribute.</param>
public sealed record TracingSettings(Uri? Endpoint, OtlpTransport Protocol, string ServiceName)
{
    /// <summary>The service name used when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string DefaultServiceName = "vibecoder";

    /// <summary>Reads and checks the settings.</summary>
    /// <exception cref="InvalidConfigurationException">A variable has a value that cannot work; the message names it.</exception>
    public static TracingSettings FromConfiguration(IConfiguration configuration)
    {
        var endpointText = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        Uri? endpoint = null;
        if (!string.IsNullOrWhiteSpace(endpointText))
        {
            if (!Uri.TryCreate(endpointText.Trim(), UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https"))
            {
                throw new InvalidConfigurationException(
                    $"OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http(s) URL such as http://otel-collector:4318 (was '{endpointText}').");
            }
        }

        var protocolText = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];
        var protocol = string.IsNullOrWhiteSpace(protocolText) ? OtlpTransport.HttpProtobuf : protocolText.Trim().ToLowerInvariant() switch
        {
            "http/protobuf" => OtlpTransport.HttpProtobuf,
            "grpc" => OtlpTransport.Grpc,
            _ => throw new InvalidConfigurationException($"OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or grpc (was '{protocolText}')."),
        };

        var serviceName = configuration["OTEL_SERVICE_NAME"];
        return new TracingSettings(endpoint, protocol, string.IsNullOrWhiteSpace(serviceName) ? DefaultServiceName : serviceName.Trim());
    }

    /// <summary>Where spans are posted: for http/protobuf the base address plus <c>/v1/traces</c> (as the OTLP spec says for the generic variable).</summary>
    public Uri? TracesEndpoint => Endpoint is null
        ? null
        : Protocol == OtlpTransport.Grpc
            ? Endpoint
            : new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/v1/traces");
}

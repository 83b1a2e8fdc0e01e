namespace VibeCoder.Silo.Diagnostics;

/// <summary>How spans travel to the collector (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>).</summary>
public enum OtlpTransport
{
    /// <summary>Protobuf over HTTP POST to <c>/v1/traces</c> (port 4318 by convention); the default.</summary>
    HttpProtobuf,

    /// <summary>gRPC (port 4317 by convention).</summary>
    Grpc,
}

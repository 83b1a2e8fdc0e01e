namespace VibeCoder.Silo.Tests.Support;

/// <summary>A span as an OTLP/HTTP request carried it (the fields the tests look at).</summary>
public sealed record OtlpSpan(string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, IReadOnlyDictionary<string, string> Attributes)
{
    public const int KindServer = 2;
    public const int KindClient = 3;
}

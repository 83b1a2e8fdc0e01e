using Microsoft.AspNetCore.Http;
using VibeCoder.Runtime.Diagnostics;

namespace VibeCoder.Silo.Metrics;

/// <summary><c>GET /metrics</c>: every collected family in the Prometheus text format.</summary>
internal static class MetricsEndpoint
{
    public static IResult Handle(MetricsCollector collector, ISiloDiagnostics diagnostics)
    {
        // A scrape is a look: grain call metrics would stand still if scraping did not keep the profiler on.
        diagnostics.KeepProfiling();
        return Results.Text(PrometheusTextFormatter.Format(collector.Collect()), PrometheusTextFormatter.ContentType);
    }
}

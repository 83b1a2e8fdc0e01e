namespace VibeCoder.Silo.Metrics;

/// <summary>A Prometheus metric family: one name, help text, type and its series.</summary>
/// <param name="Name">The sanitized name (counters include the <c>_total</c> suffix).</param>
/// <param name="Help">The description.</param>
/// <param name="Kind">The type.</param>
/// <param name="Series">The series.</param>
/// <param name="Bounds">Histogram bucket upper bounds, ascending (histograms only).</param>
internal sealed record MetricFamily(string Name, string Help, MetricKind Kind, IReadOnlyList<MetricSeries> Series, IReadOnlyList<double>? Bounds = null);

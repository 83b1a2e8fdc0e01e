namespace VibeCoder.Silo.Metrics;

/// <summary>How a series aggregates and which Prometheus type it is exposed as.</summary>
internal enum MetricKind
{
    /// <summary>A monotonic sum (Prometheus <c>counter</c>, name ends in <c>_total</c>).</summary>
    Counter,

    /// <summary>A value that goes up and down (Prometheus <c>gauge</c>).</summary>
    Gauge,

    /// <summary>A distribution in buckets (Prometheus <c>histogram</c>).</summary>
    Histogram,
}

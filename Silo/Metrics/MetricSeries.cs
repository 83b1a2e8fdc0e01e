namespace VibeCoder.Silo.Metrics;

/// <summary>
/// One labelled series at collection time. For counters and gauges only <see cref="Value"/> is set; histograms
/// carry cumulative <see cref="BucketCounts"/> for <see cref="MetricFamily.Bounds"/>, plus count and sum.
/// </summary>
internal sealed record MetricSeries(
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    double Value,
    IReadOnlyList<long>? BucketCounts = null,
    long Count = 0,
    double Sum = 0);

using System.Diagnostics.Metrics;

namespace VibeCoder.Silo.Metrics;

/// <summary>
/// Histograms: each measurement lands in the first bucket whose bound is at least the value. Bounds come from
/// the instrument's advice, else from the unit (the OpenTelemetry defaults for milliseconds and seconds).
/// A series is updated under its own lock so count, sum and buckets always agree.
/// </summary>
internal sealed class HistogramAggregator(Instrument instrument) : InstrumentAggregator(instrument, MetricKind.Histogram)
{
    private static readonly double[] MillisecondBounds = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];
    private static readonly double[] SecondBounds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly double[] _bounds = BoundsOf(instrument);

    public override IReadOnlyList<double>? Bounds => _bounds;

    protected override object CreateSeries(IReadOnlyList<KeyValuePair<string, string>> labels) => new Cell(labels, _bounds.Length);

    protected override void Update(object series, double value)
    {
        var cell = (Cell)series;
        var index = Array.BinarySearch(_bounds, value);
        if (index < 0)
        {
            index = ~index; // the first bound greater than the value; _bounds.Length means +Inf
        }

        lock (cell)
        {
            cell.Buckets[index]++;
            cell.Count++;
            cell.Sum += value;
        }
    }

    protected override MetricSeries Snapshot(object series)
    {
        var cell = (Cell)series;
        lock (cell)
        {
            var cumulative = new long[_bounds.Length];
            long running = 0;
            for (var i = 0; i < _bounds.Length; i++)
            {
                running += cell.Buckets[i];
                cumulative[i] = running;
            }

            return new MetricSeries(cell.Labels, 0, cumulative, cell.Count, cell.Sum);
        }
    }

    private static double[] BoundsOf(Instrument instrument)
    {
        IReadOnlyList<double>? advised = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries,
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            _ => null,
        };
        if (advised is { Count: > 0 })
        {
            return advised.Distinct().Order().ToArray();
        }

        return instrument.Unit == "s" ? SecondBounds : MillisecondBounds;
    }

    private sealed class Cell(IReadOnlyList<KeyValuePair<string, string>> labels, int bounds)
    {
        public readonly IReadOnlyList<KeyValuePair<string, string>> Labels = labels;
        public readonly long[] Buckets = new long[bounds + 1];
        public long Count;
        public double Sum;
    }
}

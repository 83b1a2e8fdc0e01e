using System.Diagnostics.Metrics;

namespace VibeCoder.Silo.Metrics;

/// <summary>Counters and up-down counters: measurements are added.</summary>
internal sealed class SumAggregator(Instrument instrument, MetricKind kind) : InstrumentAggregator(instrument, kind)
{
    protected override object CreateSeries(IReadOnlyList<KeyValuePair<string, string>> labels) => new Cell(labels);

    protected override void Update(object series, double value)
    {
        var cell = (Cell)series;
        double seen, sum;
        do
        {
            seen = Volatile.Read(ref cell.Value);
            sum = seen + value;
        }
        while (Interlocked.CompareExchange(ref cell.Value, sum, seen) != seen);
    }

    protected override MetricSeries Snapshot(object series)
    {
        var cell = (Cell)series;
        return new MetricSeries(cell.Labels, Volatile.Read(ref cell.Value));
    }

    private sealed class Cell(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        public readonly IReadOnlyList<KeyValuePair<string, string>> Labels = labels;
        public double Value;
    }
}

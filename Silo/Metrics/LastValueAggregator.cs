using System.Diagnostics.Metrics;

namespace VibeCoder.Silo.Metrics;

/// <summary>Gauges and observable instruments (which report their cumulative value): the last measurement wins.</summary>
internal sealed class LastValueAggregator(Instrument instrument, MetricKind kind) : InstrumentAggregator(instrument, kind)
{
    protected override object CreateSeries(IReadOnlyList<KeyValuePair<string, string>> labels) => new Cell(labels);

    protected override void Update(object series, double value) => Volatile.Write(ref ((Cell)series).Value, value);

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

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace VibeCoder.Silo.Metrics;

/// <summary>
/// Aggregates the measurements of one instrument per label set, from whichever threads record them. Subclasses
/// decide what a measurement does to its series (add, replace, bucket).
/// </summary>
internal abstract class InstrumentAggregator(Instrument instrument, MetricKind kind)
{
    private readonly ConcurrentDictionary<string, object> _series = new(StringComparer.Ordinal);

    public Instrument Instrument { get; } = instrument;

    public MetricKind Kind { get; } = kind;

    public string FamilyName { get; } = PrometheusNames.Metric(instrument.Name, instrument.Unit, kind);

    /// <summary>True for instruments whose values arrive only when collected (observable instruments).</summary>
    public bool IsObservable { get; } = instrument.IsObservable;

    /// <summary>Histogram bucket bounds, or null.</summary>
    public virtual IReadOnlyList<double>? Bounds => null;

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var (key, labels) = LabelsOf(tags);
        var series = _series.TryGetValue(key, out var existing) ? existing : _series.GetOrAdd(key, _ => CreateSeries(labels));
        Update(series, value);
    }

    /// <summary>Forgets every series (observable instruments, before they report again, so vanished series go).</summary>
    public void Reset() => _series.Clear();

    public IReadOnlyList<MetricSeries> Collect() => _series.Values.Select(Snapshot).ToArray();

    protected abstract object CreateSeries(IReadOnlyList<KeyValuePair<string, string>> labels);

    protected abstract void Update(object series, double value);

    protected abstract MetricSeries Snapshot(object series);

    private static (string Key, IReadOnlyList<KeyValuePair<string, string>> Labels) LabelsOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return ("", []);
        }

        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            var value = tags[i].Value switch
            {
                null => "",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString() ?? "",
            };
            labels[i] = new(PrometheusNames.Label(tags[i].Key), value);
        }

        Array.Sort(labels, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return (string.Join('\u001f', labels.Select(l => l.Key + "\u001e" + l.Value)), labels);
    }
}

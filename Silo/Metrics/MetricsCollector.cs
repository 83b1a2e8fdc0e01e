using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using VibeCoder.Runtime.Diagnostics;

namespace VibeCoder.Silo.Metrics;

/// <summary>
/// Listens to the product's and the framework's meters (see <see cref="TelemetryNames"/>) with one
/// <see cref="MeterListener"/> and aggregates every measurement in memory, so <c>/metrics</c> can print the
/// totals. Meters created through another host's <see cref="IMeterFactory"/> are ignored, so two hosts in one
/// process (tests) never mix their figures.
/// </summary>
/// <remarks>
/// Synchronous instruments aggregate as they record (cheap: one dictionary lookup per measurement, off the grain
/// call path). Observable instruments report when <see cref="Collect"/> asks them; collections are serialized.
/// </remarks>
internal sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregator> _aggregators = new();
    private readonly IMeterFactory? _meterFactory;
    private readonly ISiloDiagnostics _diagnostics;
    private readonly Lock _collectLock = new();

    public MetricsCollector(ISiloDiagnostics diagnostics, IMeterFactory? meterFactory = null)
    {
        // Resolving the diagnostics first creates the runtime's meter, so it is published to the listener below.
        _diagnostics = diagnostics;
        _meterFactory = meterFactory;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Accepts(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument, _aggregators.GetOrAdd(instrument, CreateAggregator));
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) => _aggregators.TryRemove(instrument, out var _);
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((InstrumentAggregator)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>Every family at this moment, sorted by name, the grain call latency histograms included.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        lock (_collectLock)
        {
            foreach (var aggregator in _aggregators.Values.Where(a => a.IsObservable))
            {
                aggregator.Reset();
            }

            _listener.RecordObservableInstruments();
            var families = new Dictionary<string, MetricFamily>(StringComparer.Ordinal);
            foreach (var aggregator in _aggregators.Values)
            {
                var series = aggregator.Collect();
                var family = new MetricFamily(
                    aggregator.FamilyName, aggregator.Instrument.Description ?? aggregator.Instrument.Name, aggregator.Kind, series, aggregator.Bounds);
                Merge(families, family);
            }

            Merge(families, GrainCallLatencyFamily());
            return families.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
        }
    }

    public void Dispose() => _listener.Dispose();

    private bool Accepts(Meter meter)
    {
        if (meter.Scope is IMeterFactory owner && !ReferenceEquals(owner, _meterFactory))
        {
            return false;
        }

        return meter.Name.StartsWith(TelemetryNames.ProductPrefix, StringComparison.Ordinal)
            || TelemetryNames.FrameworkMeters.Contains(meter.Name, StringComparer.Ordinal);
    }

    private static InstrumentAggregator CreateAggregator(Instrument instrument)
    {
        var definition = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : instrument.GetType();
        if (definition == typeof(Histogram<>))
        {
            return new HistogramAggregator(instrument);
        }

        if (definition == typeof(Counter<>))
        {
            return new SumAggregator(instrument, MetricKind.Counter);
        }

        if (definition == typeof(UpDownCounter<>))
        {
            return new SumAggregator(instrument, MetricKind.Gauge);
        }

        // Observable counters report a cumulative total: the last report is the value, and it is still a counter.
        var cumulative = definition == typeof(ObservableCounter<>) && !TelemetryNames.LevelsDeclaredAsCounters.Contains(instrument.Name);
        return new LastValueAggregator(instrument, cumulative ? MetricKind.Counter : MetricKind.Gauge);
    }

    /// <summary>Adds a family; a second instrument with the same name joins its series if the types agree.</summary>
    private static void Merge(Dictionary<string, MetricFamily> families, MetricFamily family)
    {
        if (!families.TryGetValue(family.Name, out var existing))
        {
            families[family.Name] = family;
            return;
        }

        if (existing.Kind == family.Kind && (family.Kind != MetricKind.Histogram || existing.Bounds!.SequenceEqual(family.Bounds!)))
        {
            families[family.Name] = existing with { Series = [.. existing.Series, .. family.Series] };
        }
    }

    private MetricFamily GrainCallLatencyFamily()
    {
        var methods = _diagnostics.GetLatencyHistograms();
        var bounds = methods.Count > 0 ? methods[0].UpperBoundsSeconds : [];
        var series = methods
            .Select(m => new MetricSeries(
                [new("grain_interface", m.Interface), new("grain_method", m.Method), new("grain_type", m.GrainType)],
                0,
                m.CumulativeCounts,
                m.TimedCalls,
                m.SumSeconds))
            .ToArray();
        return new MetricFamily(
            "vibecoder_grain_call_duration_seconds",
            "Latency of timed grain calls (turn start to completion) while profiling ran; bucket bounds are powers of two of the stopwatch tick.",
            MetricKind.Histogram,
            series,
            bounds);
    }
}

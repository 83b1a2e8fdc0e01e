using System.Diagnostics.Metrics;

namespace VibeCoder.Runtime.Diagnostics;

/// <summary>
/// The meter <c>VibeCoder.Runtime</c>: observable instruments read from <see cref="SiloDiagnostics"/> when a
/// listener collects (a <c>/metrics</c> scrape), so they cost nothing between collections. Call latency is not
/// here: <c>System.Diagnostics.Metrics</c> has no observable histogram, so exporters read
/// <see cref="ISiloDiagnostics.GetLatencyHistograms"/> directly.
/// </summary>
internal sealed class RuntimeMetrics : IDisposable
{
    public const string MeterName = "VibeCoder.Runtime";

    private readonly Meter _meter;

    public RuntimeMetrics(SiloDiagnostics diagnostics, IMeterFactory? meterFactory)
    {
        // Through the host's factory when there is one, so two hosts in one process (tests) keep apart.
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableGauge(
            "vibecoder.grain.activations",
            () => diagnostics.Census().ByType.Select(t => new Measurement<int>(t.Activations, new KeyValuePair<string, object?>("grain.type", t.GrainType))),
            unit: "{activation}",
            description: "Live activations per grain type.");
        _meter.CreateObservableGauge(
            "vibecoder.grain.queue.length",
            () => diagnostics.Census().ByType.Select(t => new Measurement<int>(t.QueuedRequests, new KeyValuePair<string, object?>("grain.type", t.GrainType))),
            unit: "{request}",
            description: "Requests waiting in mailboxes per grain type.");
        _meter.CreateObservableCounter(
            "vibecoder.grain.calls",
            () => diagnostics.GetLatencyHistograms().Select(m => new Measurement<long>(m.Calls, MethodTags(m))),
            unit: "{call}",
            description: "Grain calls finished while profiling ran, per method.");
        _meter.CreateObservableCounter(
            "vibecoder.grain.errors",
            () => diagnostics.GetLatencyHistograms().Select(m => new Measurement<long>(m.Errors, MethodTags(m))),
            unit: "{call}",
            description: "Grain calls that ended with an exception while profiling ran, per method.");
        _meter.CreateObservableGauge(
            "vibecoder.reminders",
            () => diagnostics.ReminderCount,
            unit: "{reminder}",
            description: "Reminders this silo keeps armed.");
        _meter.CreateObservableGauge(
            "vibecoder.silo.profiling",
            () => diagnostics.IsProfiling ? 1 : 0,
            description: "1 while grain calls are profiled (someone looked in the last minute), else 0.");
    }

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?>[] MethodTags(GrainMethodLatency method) =>
    [
        new("grain.type", method.GrainType),
        new("grain.interface", method.Interface),
        new("grain.method", method.Method),
    ];
}

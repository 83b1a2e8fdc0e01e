using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VibeCoder.Runtime.Streams;

/// <summary>
/// The instruments of the meter <c>VibeCoder.Streams</c>: items published and delivered, failed attempts, dead letters,
/// publish-to-handler latency, and an observable gauge of the items subscribers are behind, per provider. Static because
/// instruments are process-wide; the gauge reads the providers that are running.
/// </summary>
internal static class StreamMetrics
{
    public const string MeterName = "VibeCoder.Streams";

    private static readonly Meter Meter = new(MeterName);

    private static readonly ConcurrentDictionary<StreamProvider, byte> Running = new();

    private static readonly Counter<long> Published = Meter.CreateCounter<long>(
        "vibecoder.streams.published", unit: "{item}", description: "Items committed to a stream.");

    private static readonly Counter<long> Delivered = Meter.CreateCounter<long>(
        "vibecoder.streams.delivered", unit: "{item}", description: "Items a subscriber handled successfully.");

    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "vibecoder.streams.delivery_failures", unit: "{attempt}", description: "Delivery attempts that threw.");

    private static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>(
        "vibecoder.streams.dead_letters", unit: "{item}", description: "Items given up on after the last attempt.");

    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>(
        "vibecoder.streams.delivery_latency", unit: "ms", description: "Time from publication to the end of a successful delivery.");

    static StreamMetrics()
    {
        Meter.CreateObservableGauge(
            "vibecoder.streams.lag",
            ObserveLag,
            unit: "{item}",
            description: "Items published but not yet handled, summed over the subscriptions of each provider.");
    }

    public static void Register(StreamProvider provider) => Running.TryAdd(provider, 0);

    public static void Unregister(StreamProvider provider) => Running.TryRemove(provider, out _);

    public static void RecordPublished(string provider, string @namespace, int count) =>
        Published.Add(count, new TagList { { "provider", provider }, { "namespace", @namespace } });

    public static void RecordDelivered(string provider, string @namespace, double latencyMilliseconds)
    {
        var tags = new TagList { { "provider", provider }, { "namespace", @namespace } };
        Delivered.Add(1, tags);
        Latency.Record(latencyMilliseconds, tags);
    }

    public static void RecordFailure(string provider, string @namespace) =>
        Failures.Add(1, new TagList { { "provider", provider }, { "namespace", @namespace } });

    public static void RecordDeadLetter(string provider, string @namespace) =>
        DeadLetters.Add(1, new TagList { { "provider", provider }, { "namespace", @namespace } });

    private static IEnumerable<Measurement<long>> ObserveLag() =>
        Running.Keys.Select(provider => new Measurement<long>(provider.Lag, new KeyValuePair<string, object?>("provider", provider.Name)));
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using VibeCoder.Runtime.Streams;
using VibeCoder.Streams.Tests.Grains;
using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Conformance;

/// <summary>The meter the dashboard reads. Measurements are filtered by a namespace no other test uses (the meter is process-wide).</summary>
public sealed class StreamMetricsTests
{
    private const string Namespace = "metered";

    [Fact]
    public async Task Meter_PublishAndDeliver_CountsBothRecordsLatencyAndObservesLag()
    {
        var totals = new ConcurrentDictionary<string, double>();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lagObserved = false;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "VibeCoder.Streams")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "vibecoder.streams.lag")
            {
                lagObserved = true;
                return;
            }

            if (!HasNamespace(tags))
            {
                return;
            }

            if (totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value) >= 3 && instrument.Name == "vibecoder.streams.delivered")
            {
                delivered.TrySetResult();
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
        {
            if (HasNamespace(tags))
            {
                totals.AddOrUpdate(instrument.Name + ":count", 1, (_, total) => total + 1);
            }
        });
        listener.Start();

        await using var harness = await StreamTestHarness.StartAsync(new StreamBackend.Memory());
        var stream = harness.Streams.GetStream<TestEvent>(Namespace, "k");
        await stream.SubscribeAsync(new RecordingObserver(harness.Log, "metered", stream.Id)).WithTimeout();
        await stream.OnNextBatchAsync([new TestEvent("m", 1), new TestEvent("m", 2), new TestEvent("m", 3)]).WithTimeout();
        await delivered.Task.WithTimeout();
        listener.RecordObservableInstruments();

        Assert.Equal(3, totals["vibecoder.streams.published"]);
        Assert.Equal(3, totals["vibecoder.streams.delivered"]);
        Assert.Equal(3, totals["vibecoder.streams.delivery_latency:count"]);
        Assert.True(lagObserved);
    }

    private static bool HasNamespace(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "namespace" && Equals(tag.Value, Namespace))
            {
                return true;
            }
        }

        return false;
    }
}

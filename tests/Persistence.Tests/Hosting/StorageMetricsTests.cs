using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence.Tests.Hosting;

public sealed class StorageMetricsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SqliteWrites_SuccessAndConflict_RecordDurationsTaggedByOutcome()
    {
        var outcomes = new ConcurrentBag<(string Provider, string Operation, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == "VibeCoder.Storage" && instrument.Name == "vibecoder.storage.duration")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            var values = tags.ToArray().ToDictionary(tag => tag.Key, tag => (string)tag.Value!);
            outcomes.Add((values["provider"], values["operation"], values["outcome"]));
        });
        listener.Start();
        var storage = new SqliteGrainStorage(new SqliteStorageOptions { Path = Path.Combine(_directory.Path, "metrics.db") }, TestSerializer.Instance);
        await storage.InitializeAsync(CancellationToken.None).WithTimeout();
        var grainId = new GrainId("MetricsGrain", Guid.NewGuid().ToString("N"));

        await storage.WriteStateAsync("s", grainId, new GrainState<int>(1), CancellationToken.None).WithTimeout();
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync("s", grainId, new GrainState<int>(2), CancellationToken.None).WithTimeout());

        Assert.Contains(("sqlite", "write", "ok"), outcomes);
        Assert.Contains(("sqlite", "write", "conflict"), outcomes);
    }
}

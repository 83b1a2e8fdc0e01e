using VibeCoder.Runtime.Streams;
using VibeCoder.Runtime.TestingHost;
using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Conformance;

/// <summary>A backend, a silo over it and the delivery log they share; disposing releases held deliveries first.</summary>
public sealed class StreamTestHarness : IAsyncDisposable
{
    private StreamTestHarness(StreamBackend backend, DeliveryLog log, InProcessSilo silo, Action<StreamOptions>? configure)
    {
        Backend = backend;
        Log = log;
        Silo = silo;
        Configure = configure;
    }

    public StreamBackend Backend { get; }

    public DeliveryLog Log { get; }

    public InProcessSilo Silo { get; }

    public Action<StreamOptions>? Configure { get; }

    public IStreamProvider Streams => Silo.Streams();

    public static async Task<StreamTestHarness> StartAsync(StreamBackend backend, Action<StreamOptions>? configure = null)
    {
        var log = new DeliveryLog();
        try
        {
            var silo = await TestSilo.StartAsync(backend, log, configure).WithTimeout();
            return new StreamTestHarness(backend, log, silo, configure);
        }
        catch
        {
            await backend.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the silo as a crash would and starts it again over the same storage.</summary>
    public Task CrashAndRestartAsync() => Silo.CrashAndRestartAsync().WithTimeout();

    /// <summary>Stops the silo gracefully and starts it again over the same storage.</summary>
    public Task RestartAsync() => Silo.RestartAsync().WithTimeout();

    public async ValueTask DisposeAsync()
    {
        Log.ReleaseHeld();
        await Silo.DisposeAsync();
        await Backend.DisposeAsync();
    }
}

using Microsoft.Extensions.Hosting;

namespace VibeCoder.Silo.Metrics;

/// <summary>Creates the <see cref="MetricsCollector"/> at start, so counters cover the whole life of the process.</summary>
internal sealed class MetricsCollectorStarter(MetricsCollector collector) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(collector);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

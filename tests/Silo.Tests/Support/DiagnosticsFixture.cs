using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using VibeCoder.Grains.Monitoring;
using VibeCoder.Silo.Diagnostics.Ops;

namespace VibeCoder.Silo.Tests.Support;

/// <summary>
/// One host for the dashboard, ops, metrics and browser tests: no credentials (loopback only), served under the path
/// base <see cref="PathBase"/> (as behind an ingress), with dead letter and journal sources registered.
/// </summary>
public sealed class DiagnosticsFixture : IAsyncLifetime
{
    public const string PathBase = "/vc";

    public TestHost Host { get; private set; } = null!;

    public InMemoryDeadLetters DeadLetters { get; } = new();

    public InMemoryJournal Journal { get; } = new();

    /// <summary>The pipeline figures the workflow grains write (a test may record more).</summary>
    public PipelineMonitor Pipeline => Host.Services.GetRequiredService<PipelineMonitor>();

    public async Task InitializeAsync() =>
        Host = await TestHost.StartAsync(pathBase: PathBase, configureServices: services =>
        {
            services.AddSingleton<IOpsDeadLetters>(DeadLetters);
            services.AddSingleton<IOpsJournal>(Journal);

            // The exporter answers scrapes within 300 ms from a cache; tests scrape before and after a change.
            services.Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
        });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DiagnosticsCollection : ICollectionFixture<DiagnosticsFixture>
{
    public const string Name = "diagnostics";
}

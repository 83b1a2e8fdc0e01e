using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Grains.Monitoring;

namespace VibeCoder.Silo.Tests.Support;

/// <summary>One dashboard host for the API and browser tests, served under the path base <c>/ops</c> (as behind an ingress).</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string PathBase = "/ops";

    public TestHost Host { get; private set; } = null!;

    /// <summary>The carousel pipeline's figures, as the workflow grains would record them.</summary>
    public PipelineMonitor Pipeline { get; } = new();

    public async Task InitializeAsync() =>
        Host = await TestHost.StartAsync(pathBase: PathBase, configureServices: s => s.AddSingleton<IPipelineMonitor>(Pipeline));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VibeCoder.Runtime.Hosting;

namespace VibeCoder.Runtime.TestingHost;

/// <summary>
/// A silo running in the test process, built from the same <c>AddSilo</c> call a real host makes. It can be
/// restarted (gracefully or as a crash) over the same storage, which is how tests prove durability.
/// Orleans: <c>TestCluster</c> with one silo.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly Action<ISiloBuilder> _configureSilo;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private IHost? _host;

    private InProcessSilo(Action<ISiloBuilder> configureSilo, Action<IServiceCollection>? configureServices, IReadOnlyDictionary<string, string?> settings)
    {
        _configureSilo = configureSilo;
        _configureServices = configureServices;
        _settings = settings;
    }

    /// <summary>The running silo's services.</summary>
    public IServiceProvider Services => Host.Services;

    /// <summary>The running silo's grain factory. Take it again after a restart: references of the old silo stop working.</summary>
    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <summary>How many times the silo was started.</summary>
    public int Generation { get; private set; }

    private IHost Host => _host ?? throw new InvalidOperationException("The silo is not running.");

    /// <summary>Builds and starts a silo.</summary>
    /// <param name="configureSilo">Grains, storage and providers, as in <c>AddSilo</c>.</param>
    /// <param name="configureServices">Extra services (e.g. test doubles of outside systems, log capture).</param>
    /// <param name="settings">Configuration values (e.g. <c>Silo:CallTimeout</c>).</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static async Task<InProcessSilo> StartAsync(
        Action<ISiloBuilder> configureSilo,
        Action<IServiceCollection>? configureServices = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        CancellationToken cancellationToken = default)
    {
        var silo = new InProcessSilo(configureSilo, configureServices, settings ?? new Dictionary<string, string?>());
        await silo.StartHostAsync(cancellationToken);
        return silo;
    }

    /// <summary>Stops the silo gracefully (grains deactivate) and starts a new one with the same configuration.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopHostAsync(graceful: true, cancellationToken);
        await StartHostAsync(cancellationToken);
    }

    /// <summary>Stops the silo as a crash would (no grain code runs) and starts a new one over the same storage.</summary>
    public async Task CrashAndRestartAsync(CancellationToken cancellationToken = default)
    {
        await StopHostAsync(graceful: false, cancellationToken);
        await StartHostAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopHostAsync(graceful: true, CancellationToken.None);

    private async Task StartHostAsync(CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSilo(builder.Configuration, _configureSilo);
        _configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        _host = host;
        Generation++;
    }

    private async Task StopHostAsync(bool graceful, CancellationToken cancellationToken)
    {
        if (_host is not { } host)
        {
            return;
        }

        _host = null;
        if (!graceful)
        {
            var silo = host.Services.GetServices<IHostedService>().OfType<SiloHostedService>().Single();
            await silo.AbortAsync();
        }

        await host.StopAsync(cancellationToken);
        host.Dispose();
    }
}

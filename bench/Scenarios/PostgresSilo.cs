using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using VibeCoder.Persistence;
using VibeCoder.Persistence.Hosting;
using VibeCoder.TestServers.Net;

namespace VibeCoder.Bench.Scenarios;

/// <summary>
/// A one-silo cluster on PostgreSQL as production composes its storage (<c>AddVibeCoderPersistence</c>: schema,
/// AdoNet grain storage with the JSON serializer, reminders, streams, membership), on free loopback ports.
/// </summary>
internal sealed class PostgresSilo(IHost host) : IAsyncDisposable
{
    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => host.Services;

    /// <summary>Starts the silo; <paramref name="configureServices"/> adds what the bench grains need.</summary>
    public static async Task<PostgresSilo> StartAsync(
        string connectionString, string[] streamProviders, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configureServices?.Invoke(builder.Services);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = "bench";
                o.ServiceId = "bench";
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, LoopbackPorts.Next(), LoopbackPorts.Next());
            silo.AddVibeCoderPersistence(DatabaseSettings.ForPostgres(connectionString), streamProviders);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return new PostgresSilo(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Stops the silo gracefully (a disposed but running host shuts down non-gracefully and logs errors).</summary>
    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }
}

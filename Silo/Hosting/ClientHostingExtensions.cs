using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Serialization;
using VibeCoder.Grains.Events;
using VibeCoder.Grains.Hosting;
using VibeCoder.Grains.Telegram;
using VibeCoder.Persistence.Health;
using VibeCoder.Persistence.Hosting;
using VibeCoder.Silo.Diagnostics;
using VibeCoder.Silo.Diagnostics.Ops;
using VibeCoder.Silo.Hosting.Ops;

namespace VibeCoder.Silo.Hosting;

/// <summary>How a host reaches grains: a co-hosted silo, or (<c>GATEWAY_MODE=client</c>) an Orleans client of the cluster.</summary>
public static class ClientHostingExtensions
{
    /// <summary>
    /// Adds a silo (<see cref="SiloHostingExtensions.AddVibeCoderSilo"/>) or, with <c>GATEWAY_MODE=client</c>, an
    /// Orleans client that finds silos through the membership table, publishes to the same streams, reads the same
    /// journal and serves the dashboard through the cluster. Either way <see cref="IClusterClient"/> and
    /// <see cref="IGrainFactory"/> are available.
    /// </summary>
    /// <exception cref="InvalidConfigurationException">A variable has a value that cannot work; the message names it.</exception>
    public static IHostApplicationBuilder AddVibeCoderGrainAccess(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cluster = OrleansSettings.FromConfiguration(builder.Configuration);
        return cluster.GatewayMode == GatewayMode.Client ? builder.AddVibeCoderClient(cluster) : builder.AddVibeCoderSilo();
    }

    private static IHostApplicationBuilder AddVibeCoderClient(this IHostApplicationBuilder builder, OrleansSettings cluster)
    {
        var storage = StorageSettings.FromConfiguration(builder.Configuration);
        if (storage.Kind != StorageKind.Postgres)
        {
            throw new InvalidConfigurationException("GATEWAY_MODE=client needs STORAGE=postgres: the client finds silos in the PostgreSQL membership table.");
        }

        var database = storage.ToDatabaseSettings()!;
        var timings = ClusterTimings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(timings);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = timings.ShutdownTimeout);
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(cluster);
        builder.Services.AddCarouselServices(builder.Configuration);
        builder.Services.AddTelegramConversation(builder.Configuration);
        builder.Services.AddVibeCoderDatabaseReaders(database);
        builder.Services.AddSingleton<IOpsDeadLetters, DeadLettersForOps>();
        builder.Services.AddSingleton<IOpsJournal, JournalForOps>();
        builder.AddVibeCoderDiagnostics();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            client.UseVibeCoderClustering(database);
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = timings.GatewayListRefresh);
            client.AddVibeCoderStreams(database, DomainEventStreams.ProviderName);
            client.AddActivityPropagation();
            client.Services.Configure<ExceptionSerializationOptions>(StorageExceptionsOnTheWire.Allow);
            if (DashboardSwitch.IsEnabled(builder.Configuration))
            {
                client.AddDashboard();
            }
        });
        builder.Services.AddHealthChecks()
            .AddCheck<ClientReadinessCheck>("cluster", tags: ["ready"])
            .Add(new HealthCheckRegistration("storage", sp => sp.GetRequiredService<DatabaseHealthCheck>(), null, ["ready"]));
        return builder;
    }
}

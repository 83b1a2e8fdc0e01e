using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Serialization;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Events;
using VibeCoder.Grains.Hosting;
using VibeCoder.Grains.Telegram;
using VibeCoder.Grains.Telegram.Outbox;
using VibeCoder.Persistence.Health;
using VibeCoder.Persistence.Hosting;
using VibeCoder.Silo.Diagnostics;
using VibeCoder.Silo.Diagnostics.Ops;
using VibeCoder.Silo.Hosting.Ops;

namespace VibeCoder.Silo.Hosting;

/// <summary>The product silo, composed the same way by the Silo host and by the Gateway that co-hosts one.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds an Orleans silo with the product's grains, the storage chosen by <c>STORAGE</c> (see
    /// <see cref="StorageSettings"/>) for state, reminders and streams, the cluster settings of
    /// <see cref="OrleansSettings"/>, the dashboard and the diagnostics (logs, metrics, tracing), plus whatever
    /// <paramref name="configure"/> adds.
    /// </summary>
    /// <exception cref="InvalidConfigurationException">A variable has a value that cannot work; the message names it.</exception>
    public static IHostApplicationBuilder AddVibeCoderSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var storage = StorageSettings.FromConfiguration(builder.Configuration);
        var cluster = OrleansSettings.FromConfiguration(builder.Configuration);
        var dashboard = DashboardSwitch.IsEnabled(builder.Configuration);
        var timings = ClusterTimings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(cluster);
        builder.Services.AddSingleton(timings);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = timings.ShutdownTimeout);
        builder.Services.AddCarouselServices(builder.Configuration);
        builder.Services.AddTelegramConversation(builder.Configuration);
        builder.AddVibeCoderDiagnostics();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            silo.AddVibeCoderStorage(storage, cluster);
            silo.Configure<ClusterMembershipOptions>(o => ApplyMembershipTimings(o, timings));
            silo.AddActivityPropagation();
            silo.Services.Configure<ExceptionSerializationOptions>(StorageExceptionsOnTheWire.Allow);
            silo.AddIncomingGrainCallFilter<GrainCallMetricsFilter>();
            if (dashboard)
            {
                silo.AddDashboard();

                // The profiler times every grain call while someone looks; the page polls every second, so a short idle
                // time switches it off at the dashboard's next check (once a minute) after the last viewer left.
                silo.Services.Configure<GrainProfilerOptions>(o => o.DeactivationTime = DashboardSwitch.ProfilerIdleTime);
            }

            // The workflow's watchdog reminder ticks every few seconds (Orleans' default minimum is a minute); a chat
            // outbox's reminder may be configured shorter than a minute too.
            silo.Services.AddOptions<ReminderOptions>()
                .Configure<IOptions<CarouselOptions>, IOptions<ChatOutboxOptions>>((reminders, carousel, outbox) =>
                    reminders.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(
                        reminders.MinimumReminderPeriod.Ticks, Math.Min(carousel.Value.WatchdogPeriod.Ticks, outbox.Value.ReminderPeriod.Ticks))));
            configure?.Invoke(silo);
        });
        var health = builder.Services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo", tags: ["ready"]);
        if (storage.Kind != StorageKind.Memory)
        {
            builder.Services.AddSingleton<IOpsDeadLetters, DeadLettersForOps>();
            builder.Services.AddSingleton<IOpsJournal, JournalForOps>();
            // A frozen database would hold the probe for the whole connect timeout; unready is the answer after 3 s.
            health.Add(new HealthCheckRegistration("storage", sp => sp.GetRequiredService<DatabaseHealthCheck>(), null, ["ready"], TimeSpan.FromSeconds(3)));
        }

        return builder;
    }

    /// <summary>
    /// <c>GET /health/live</c> (the process answers; no grain is called) and <c>GET /health/ready</c> (every check
    /// tagged "ready": the silo or client is up and storage answers).
    /// </summary>
    public static IEndpointRouteBuilder MapVibeCoderHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return endpoints;
    }

    // Unset values keep Orleans' defaults; the probe bounds follow the probe timeout so a short one is not stretched.
    private static void ApplyMembershipTimings(ClusterMembershipOptions options, ClusterTimings timings)
    {
        if (timings.ProbeTimeout is { } probe)
        {
            options.ProbeTimeout = probe;
            options.MinProbeTimeout = probe / 2;
            options.MaxProbeTimeout = probe * 2;
        }

        if (timings.MissedProbesLimit is { } missed)
        {
            options.NumMissedProbesLimit = missed;
        }

        if (timings.TableRefresh is { } refresh)
        {
            options.TableRefreshTimeout = refresh;
        }
    }

    // Grain state, reminders and the event streams (Telegram updates, domain events) share one store.
    private static void AddVibeCoderStorage(this ISiloBuilder silo, StorageSettings storage, OrleansSettings cluster)
    {
        const string events = DomainEventStreams.ProviderName;
        switch (storage.Kind)
        {
            case StorageKind.Postgres:
                // Membership in the same database: silos find each other there (the AdoNet clustering table).
                silo.ConfigureEndpoints(cluster.AdvertisedAddress, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                silo.AddVibeCoderPersistence(storage.ToDatabaseSettings()!, events);
                break;
            case StorageKind.Sqlite:
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                silo.AddVibeCoderPersistence(storage.ToDatabaseSettings()!, events);
                break;
            default:
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                silo.AddMemoryGrainStorageAsDefault();
                silo.AddMemoryGrainStorage("PubSubStore");
                silo.UseInMemoryReminderService();
                silo.AddMemoryStreams(events);
                break;
        }
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VibeCoder.Grains;
using VibeCoder.Grains.Events;
using VibeCoder.Grains.Hosting;
using VibeCoder.Grains.Telegram;
using VibeCoder.Persistence;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Reminders;
using VibeCoder.Runtime.Storage;
using VibeCoder.Runtime.Streams;
using VibeCoder.Silo.Dashboard;

namespace VibeCoder.Silo.Hosting;

/// <summary>The product silo, composed the same way by the Silo host and by the Gateway that co-hosts one.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds the runtime with the product's grains and the storage chosen by <c>STORAGE</c>
    /// (see <see cref="StorageSettings"/>), plus whatever <paramref name="configure"/> adds, with its diagnostics
    /// (logs, metrics, tracing, dashboard: <see cref="DiagnosticsHostingExtensions.AddVibeCoderDiagnostics"/>).
    /// </summary>
    public static IHostApplicationBuilder AddVibeCoderSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var storage = StorageSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(storage);
        builder.Services.AddCarouselServices(builder.Configuration);
        builder.Services.AddTelegramConversation(builder.Configuration);
        builder.Services.AddSilo(builder.Configuration, silo =>
        {
            silo.AddGrains(GrainsAssembly.Assembly);

            // Grain state, reminders and the event log (Telegram updates, domain events) share one store.
            const string events = DomainEventStreams.ProviderName;
            switch (storage.Kind)
            {
                case StorageKind.Sqlite:
                    silo.AddSqliteGrainStorage(PersistentStateAttribute.DefaultStorageName, o => o.Path = storage.SqlitePath);
                    silo.UseSqliteReminderService(o => o.Path = storage.SqlitePath);
                    silo.AddSqliteStreams(events, o => o.Path = storage.SqlitePath);
                    break;
                case StorageKind.Postgres:
                    silo.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorageName, o => o.ConnectionString = storage.PostgresUrl!);
                    silo.UsePostgresReminderService(o => o.ConnectionString = storage.PostgresUrl!);
                    silo.AddPostgresStreams(events, o => o.ConnectionString = storage.PostgresUrl!);
                    break;
                default:
                    silo.AddMemoryGrainStorage();
                    silo.UseInMemoryReminderService();
                    silo.AddMemoryStreams(events);
                    break;
            }

            configure?.Invoke(silo);
        });
        builder.AddVibeCoderDiagnostics();
        return builder;
    }

    /// <summary>
    /// <c>GET /health/live</c> (the process answers) and <c>GET /health/ready</c> (the silo is active and storage
    /// answers: every check tagged "ready").
    /// </summary>
    public static IEndpointRouteBuilder MapVibeCoderHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return endpoints;
    }
}

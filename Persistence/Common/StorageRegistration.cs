using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VibeCoder.Runtime.Hosting;

namespace VibeCoder.Persistence;

/// <summary>What every database-backed provider registers beside itself: schema creation at start and a readiness check.</summary>
internal static class StorageRegistration
{
    /// <summary>The options name the reminder providers configure (grain storages use their own name).</summary>
    public const string ReminderOptionsName = "VibeCoder.Reminders";

    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    public static void AddBackend(IServiceCollection services, string healthCheckName, Func<IServiceProvider, IStorageBackend> backend)
    {
        services.AddSingleton<ISiloStartupTask>(provider => new StorageStartupTask(backend(provider)));
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckName,
            provider => new StorageHealthCheck(backend(provider)),
            HealthStatus.Unhealthy,
            [StorageHealthCheck.ReadyTag],
            HealthCheckTimeout));
    }
}

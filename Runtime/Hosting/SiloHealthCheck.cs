using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VibeCoder.Runtime.Hosting;

/// <summary>Healthy while the silo serves calls.</summary>
internal sealed class SiloHealthCheck(ISiloStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsActive
            ? HealthCheckResult.Healthy("The silo is active.")
            : HealthCheckResult.Unhealthy("The silo is not active."));
}

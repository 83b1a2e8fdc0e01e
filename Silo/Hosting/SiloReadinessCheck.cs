using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace VibeCoder.Silo.Hosting;

/// <summary>Ready when this process's silo is active in the cluster (joined, not starting or shutting down).</summary>
internal sealed class SiloReadinessCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(oracle.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("The silo is active.")
            : HealthCheckResult.Unhealthy($"The silo is {oracle.CurrentStatus}."));
}

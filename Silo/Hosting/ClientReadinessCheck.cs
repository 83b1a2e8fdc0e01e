using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace VibeCoder.Silo.Hosting;

/// <summary>Ready when the cluster client reaches a silo: a management grain call answers within a few seconds.</summary>
internal sealed class ClientReadinessCheck(IClusterClient client) : IHealthCheck
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Budget, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", error);
        }
    }
}

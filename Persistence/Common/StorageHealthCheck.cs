using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VibeCoder.Persistence;

/// <summary>Readiness of one provider's database: healthy when <c>SELECT 1</c> answers.</summary>
internal sealed class StorageHealthCheck(IStorageBackend backend) : IHealthCheck
{
    /// <summary>The tag readiness endpoints filter on.</summary>
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await backend.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(backend.Description);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{backend.Description} is unreachable: {exception.Message}");
        }
    }
}

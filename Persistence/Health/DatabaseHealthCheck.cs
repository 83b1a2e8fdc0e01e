using Microsoft.Extensions.Diagnostics.HealthChecks;
using VibeCoder.Persistence.Hosting;

namespace VibeCoder.Persistence.Health;

/// <summary>
/// Readiness of the storage: opens a connection to the configured database and runs <c>SELECT 1</c>.
/// Registered as a singleton by <c>AddVibeCoderPersistence</c>; add it to health checks with
/// <c>AddCheck&lt;DatabaseHealthCheck&gt;("storage")</c>.
/// </summary>
public sealed class DatabaseHealthCheck : IHealthCheck
{
    private readonly VibeCoderDatabase _database;

    internal DatabaseHealthCheck(VibeCoderDatabase database) => _database = database;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{_database.Kind} answers");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{_database.Kind} does not answer: {exception.GetType().Name}", exception);
        }
    }
}

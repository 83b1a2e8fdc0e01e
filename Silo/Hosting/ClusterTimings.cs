using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace VibeCoder.Silo.Hosting;

/// <summary>
/// How fast the cluster notices a lost silo and how long a host may take to stop, read from the environment. Unset
/// values keep Orleans' own defaults, except where noted.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>SHUTDOWN_TIMEOUT_SECONDS</c> (30): how long a SIGTERM may take to drain (stop taking work, deactivate
/// grains, leave the membership table). Keep it below the orchestrator's grace period.</item>
/// <item><c>ORLEANS_PROBE_TIMEOUT_SECONDS</c> (Orleans: 5) and <c>ORLEANS_MISSED_PROBES_LIMIT</c> (Orleans: 3): a silo
/// that misses this many probes of this length is suspected, and declared dead on enough votes.</item>
/// <item><c>ORLEANS_TABLE_REFRESH_SECONDS</c> (Orleans: 60): how often silos re-read the membership table.</item>
/// <item><c>ORLEANS_GATEWAY_LIST_REFRESH_SECONDS</c> (10, Orleans: 60): how often a client re-reads the gateway list;
/// a rolling restart replaces every silo, so a client must learn the new ones well before the last old one goes.</item>
/// </list>
/// </remarks>
/// <param name="ShutdownTimeout">The host's shutdown budget.</param>
/// <param name="ProbeTimeout">The liveness probe timeout, or null for Orleans' default.</param>
/// <param name="MissedProbesLimit">Missed probes before suspicion, or null for Orleans' default.</param>
/// <param name="TableRefresh">The membership table refresh period, or null for Orleans' default.</param>
/// <param name="GatewayListRefresh">The client's gateway list refresh period.</param>
public sealed record ClusterTimings(
    TimeSpan ShutdownTimeout, TimeSpan? ProbeTimeout, int? MissedProbesLimit, TimeSpan? TableRefresh, TimeSpan GatewayListRefresh)
{
    /// <summary>The shutdown budget when <c>SHUTDOWN_TIMEOUT_SECONDS</c> is not set.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The gateway list refresh period when <c>ORLEANS_GATEWAY_LIST_REFRESH_SECONDS</c> is not set.</summary>
    public static readonly TimeSpan DefaultGatewayListRefresh = TimeSpan.FromSeconds(10);

    /// <summary>Reads and checks the settings.</summary>
    /// <exception cref="InvalidConfigurationException">A variable has a value that cannot work; the message names it.</exception>
    public static ClusterTimings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var missed = Number(configuration, "ORLEANS_MISSED_PROBES_LIMIT", 1, 100);
        return new ClusterTimings(
            Seconds(configuration, "SHUTDOWN_TIMEOUT_SECONDS", 1, 3600) ?? DefaultShutdownTimeout,
            Seconds(configuration, "ORLEANS_PROBE_TIMEOUT_SECONDS", 0.1, 600),
            missed is null ? null : (int)missed.Value,
            Seconds(configuration, "ORLEANS_TABLE_REFRESH_SECONDS", 0.1, 3600),
            Seconds(configuration, "ORLEANS_GATEWAY_LIST_REFRESH_SECONDS", 0.1, 3600) ?? DefaultGatewayListRefresh);
    }

    private static TimeSpan? Seconds(IConfiguration configuration, string name, double min, double max) =>
        Number(configuration, name, min, max) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    private static double? Number(IConfiguration configuration, string name, double min, double max)
    {
        var value = configuration[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return double.TryParse(value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new InvalidConfigurationException(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number from {min} to {max} (was '{value}')."));
    }
}

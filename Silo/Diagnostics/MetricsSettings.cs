using Microsoft.Extensions.Configuration;
using VibeCoder.Silo.Hosting;

namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// Who may scrape <c>/metrics</c>: <c>METRICS_REQUIRE_AUTH</c> (true/false, default false). Open by default because
/// Prometheus inside the cluster scrapes by pod annotation and carries no credentials; with <c>true</c> the endpoint
/// takes the dashboard's access rule (Basic or bearer when configured, else loopback only).
/// </summary>
/// <param name="RequireAuth">Whether <c>/metrics</c> is behind <see cref="DiagnosticsHostingExtensions.DashboardPolicy"/>.</param>
public sealed record MetricsSettings(bool RequireAuth)
{
    /// <summary>Reads and checks the setting.</summary>
    /// <exception cref="InvalidConfigurationException">The variable is not true or false; the message names it.</exception>
    public static MetricsSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration["METRICS_REQUIRE_AUTH"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new MetricsSettings(false);
        }

        return bool.TryParse(text.Trim(), out var requireAuth)
            ? new MetricsSettings(requireAuth)
            : throw new InvalidConfigurationException($"METRICS_REQUIRE_AUTH must be true or false (was '{text}').");
    }
}

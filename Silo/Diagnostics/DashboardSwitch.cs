using Microsoft.Extensions.Configuration;
using VibeCoder.Silo.Hosting;

namespace VibeCoder.Silo.Diagnostics;

/// <summary>
/// <c>DASHBOARD_ENABLED</c> (default true): whether silos run the Orleans dashboard's call profiler and hosts serve
/// <c>/dashboard</c>. Off, a silo saves the profiler's cost on every grain call (see docs/benchmarks.md).
/// </summary>
public static class DashboardSwitch
{
    /// <summary>How long the dashboard's call profiler runs after the last dashboard request.</summary>
    public static readonly TimeSpan ProfilerIdleTime = TimeSpan.FromSeconds(10);

    /// <summary>Reads the switch.</summary>
    /// <exception cref="InvalidConfigurationException">The value is neither true nor false.</exception>
    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration["DASHBOARD_ENABLED"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        return bool.TryParse(value.Trim(), out var enabled)
            ? enabled
            : throw new InvalidConfigurationException($"DASHBOARD_ENABLED must be true or false (was '{value}').");
    }
}

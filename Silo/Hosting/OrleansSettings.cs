using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace VibeCoder.Silo.Hosting;

/// <summary>
/// The cluster settings read from the environment: <c>ORLEANS_CLUSTER_ID</c> and <c>ORLEANS_SERVICE_ID</c> (default
/// <c>vibecoder</c>), <c>ORLEANS_SILO_PORT</c> (11111), <c>ORLEANS_GATEWAY_PORT</c> (30000), the address other silos
/// reach this one at (<c>ORLEANS_ADVERTISED_IP</c>, else <c>POD_IP</c>, else loopback) and <c>GATEWAY_MODE</c>.
/// </summary>
/// <param name="ClusterId">Silos and clients with the same cluster id form one cluster.</param>
/// <param name="ServiceId">Stays the same across deployments: grain state and reminders are keyed by it.</param>
/// <param name="SiloPort">Silo-to-silo port.</param>
/// <param name="GatewayPort">Client-to-silo port.</param>
/// <param name="AdvertisedAddress">The address this silo publishes in the membership table.</param>
/// <param name="GatewayMode">Whether the Gateway co-hosts a silo or is a client.</param>
public sealed record OrleansSettings(
    string ClusterId, string ServiceId, int SiloPort, int GatewayPort, IPAddress AdvertisedAddress, GatewayMode GatewayMode)
{
    /// <summary>The cluster and service id used when none is configured.</summary>
    public const string DefaultId = "vibecoder";

    /// <summary>Reads and checks the settings.</summary>
    /// <exception cref="InvalidConfigurationException">A variable has a value that cannot work; the message names it.</exception>
    public static OrleansSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new OrleansSettings(
            Id(configuration, "ORLEANS_CLUSTER_ID"),
            Id(configuration, "ORLEANS_SERVICE_ID"),
            Port(configuration, "ORLEANS_SILO_PORT", 11111),
            Port(configuration, "ORLEANS_GATEWAY_PORT", 30000),
            Address(configuration),
            Mode(configuration));
    }

    private static string Id(IConfiguration configuration, string name)
    {
        var value = configuration[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultId;
        }

        value = value.Trim();
        return value.Length <= 150 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : throw new InvalidConfigurationException($"{name} must be 1–150 letters, digits, '-', '_' or '.' (was '{value}').");
    }

    private static int Port(IConfiguration configuration, string name, int fallback)
    {
        var value = configuration[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidConfigurationException($"{name} must be a port number 1–65535 (was '{value}').");
    }

    private static IPAddress Address(IConfiguration configuration)
    {
        foreach (var name in (string[])["ORLEANS_ADVERTISED_IP", "POD_IP"])
        {
            var value = configuration[name];
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            return IPAddress.TryParse(value.Trim(), out var address)
                ? address
                : throw new InvalidConfigurationException($"{name} must be an IP address (was '{value}').");
        }

        return IPAddress.Loopback;
    }

    private static GatewayMode Mode(IConfiguration configuration)
    {
        var value = configuration["GATEWAY_MODE"];
        return string.IsNullOrWhiteSpace(value)
            ? GatewayMode.Cohosted
            : value.Trim().ToLowerInvariant() switch
            {
                "cohosted" => GatewayMode.Cohosted,
                "client" => GatewayMode.Client,
                _ => throw new InvalidConfigurationException($"GATEWAY_MODE must be cohosted or client (was '{value}')."),
            };
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VibeCoder.Gateway.Edge;

/// <summary>
/// Reads <see cref="PublicApiOptions"/> from flat, environment-style keys. Unreadable values go to
/// <see cref="PublicApiOptions.BindingErrors"/>, so start-up fails naming the setting (never quoting a key).
/// </summary>
internal static class PublicApiOptionsBinder
{
    public static void Bind(IConfiguration configuration, PublicApiOptions options)
    {
        if (configuration[PublicApiOptions.RateLimitKey] is { } limit && !string.IsNullOrWhiteSpace(limit))
        {
            if (int.TryParse(limit.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var perMinute))
            {
                options.PermitsPerMinute = perMinute;
            }
            else
            {
                options.BindingErrors.Add($"{PublicApiOptions.RateLimitKey} must be a whole number of requests per minute, 0 for no limit (got '{limit}').");
            }
        }

        foreach (var entry in Entries(configuration[PublicApiOptions.KnownNetworksKey]))
        {
            if (TryParseNetwork(entry, out var network))
            {
                options.KnownNetworks.Add(network);
            }
            else
            {
                options.BindingErrors.Add(
                    $"{PublicApiOptions.KnownNetworksKey}: '{entry}' is not a network in CIDR notation with the host bits zero (e.g. 10.0.0.0/8).");
            }
        }

        foreach (var key in Entries(configuration[PublicApiOptions.ApiKeysKey]))
        {
            options.ApiKeys.Add(key);
        }
    }

    // A bare address is the network of that one address (a single proxy).
    private static bool TryParseNetwork(string entry, out IPNetwork network)
    {
        if (IPNetwork.TryParse(entry, out network))
        {
            return true;
        }

        if (!entry.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(entry, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }

    private static IEnumerable<string> Entries(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

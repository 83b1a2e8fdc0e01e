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

    // Strict on purpose: IPAddress also reads "10.0.0" (as 10.0.0.0) and IPNetwork masks "10.0.0.1/8" quietly; a typo in
    // the list of trusted proxies must stop start-up, not trust a different network. A bare address is one proxy.
    private static bool TryParseNetwork(string entry, out IPNetwork network)
    {
        network = default;
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? entry : entry[..slash];
        if (!IPAddress.TryParse(addressText, out var address)
            || (address.AddressFamily == AddressFamily.InterNetwork && addressText.Split('.').Length != 4))
        {
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(entry.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        for (var bit = prefix; bit < length * 8; bit++)
        {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0)
            {
                return false; // host bits set: probably not the network that was meant
            }
        }

        network = new IPNetwork(address, prefix);
        return true;
    }

    private static IEnumerable<string> Entries(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

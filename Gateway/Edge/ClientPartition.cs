using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VibeCoder.Gateway.Edge;

/// <summary>
/// The rate-limit partition of a client address: the IPv4 address itself; for IPv6 its /64 prefix, because one
/// subscriber is routinely given a whole /64 and could otherwise pick a fresh address per request.
/// </summary>
internal static class ClientPartition
{
    /// <summary>The partition of <paramref name="address"/> (<c>unknown</c> when the transport has none).</summary>
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return string.Create(CultureInfo.InvariantCulture, $"{new IPAddress(bytes)}/64");
    }
}

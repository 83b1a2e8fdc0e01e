using System.Net;
using System.Net.Sockets;

namespace VibeCoder.TestServers.Net;

/// <summary>Free TCP ports on 127.0.0.1, for servers that must be told their port up front (Orleans silo and gateway ports).</summary>
public static class LoopbackPorts
{
    /// <summary>A port nobody listens on right now (the OS picks it, so parallel test runs do not collide).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Settings that put an Orleans silo on free ports: <c>ORLEANS_SILO_PORT</c> and <c>ORLEANS_GATEWAY_PORT</c>.</summary>
    public static IReadOnlyDictionary<string, string> OrleansSettings() => new Dictionary<string, string>
    {
        ["ORLEANS_SILO_PORT"] = Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ORLEANS_GATEWAY_PORT"] = Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

namespace VibeCoder.Silo.Hosting;

/// <summary>How the Gateway reaches grains (<c>GATEWAY_MODE</c>).</summary>
public enum GatewayMode
{
    /// <summary>The Gateway runs a silo in its own process (the default).</summary>
    Cohosted,

    /// <summary>The Gateway is an Orleans client of silos found through the membership table; it hosts no grains.</summary>
    Client,
}

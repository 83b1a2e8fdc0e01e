using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VibeCoder.Gateway.Edge;

/// <summary>What an internet-facing gateway needs: client addresses behind the ingress, API keys, limits.</summary>
public static class PublicApiProtectionExtensions
{
    /// <summary>
    /// The largest request body Kestrel reads (413 problem+json beyond): the JSON API needs well under a kilobyte, a
    /// Telegram update a few; the Ingress allows the same (<c>proxy-body-size: 1m</c>).
    /// </summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// Adds the settings <c>API_RATE_LIMIT_PER_MINUTE</c>, <c>FORWARDED_HEADERS_KNOWN_NETWORKS</c> and <c>API_KEYS</c>
    /// (validated at start), the API key check, the rate limiter with the policy
    /// <see cref="CarouselCreationRateLimit.PolicyName"/>, forwarded headers trusted only from the configured networks,
    /// and Kestrel's body size limit. The host calls <c>UseForwardedHeaders()</c> first and <c>UseRateLimiter()</c>
    /// before its endpoints.
    /// </summary>
    public static IServiceCollection AddPublicApiProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PublicApiOptions>()
            .Configure(options => PublicApiOptionsBinder.Bind(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PublicApiOptions>, PublicApiOptionsValidator>());
        services.TryAddSingleton<ApiKeyRing>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<string, CarouselCreationRateLimit>(CarouselCreationRateLimit.PolicyName);
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<PublicApiOptions>>(TrustOnlyKnownNetworks);
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return services;
    }

    // ASP.NET trusts loopback by default, and with both lists empty it trusts every sender. Neither is safe here: a
    // sidecar or a port-forward on loopback is not the ingress. So the lists hold exactly the configured networks, and
    // with none configured the middleware applies no header at all.
    private static void TrustOnlyKnownNetworks(ForwardedHeadersOptions forwarded, IOptions<PublicApiOptions> options)
    {
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var network in options.Value.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(network);
        }

        // One hop: the address the ingress appended (the rightmost), never what the client wrote before it.
        forwarded.ForwardLimit = 1;
        forwarded.ForwardedHeaders = forwarded.KnownIPNetworks.Count == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    }
}

using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VibeCoder.Gateway.Edge;

/// <summary>What an internet-facing gateway needs: client addresses behind the ingress, API keys, limits.</summary>
public static class PublicApiProtectionExtensions
{
    /// <summary>
    /// The largest body an API endpoint reads (413 problem+json beyond): the JSON API needs well under a kilobyte; the
    /// Ingress allows the same (<c>proxy-body-size: 1m</c>). The Telegram webhook has the same cap of its own.
    /// </summary>
    public const long MaxApiBodyBytes = 1024 * 1024;

    /// <summary>
    /// Kestrel's cap for every request (ASP.NET's default is 30 MB): above it the connection is cut. Larger than the
    /// endpoints' own limits — the largest is the background upload's 20 MB (<c>BackgroundUpload.MaxBodyBytes</c>) — so
    /// that a body refused by them is drained and its 413 reaches the client. Each endpoint still reads only up to its own
    /// limit (<see cref="RequestBodyLimitMiddleware"/> sets it as the request's limit).
    /// </summary>
    public const long MaxRequestBodyBytes = 32 * MaxApiBodyBytes;

    /// <summary>
    /// Adds the settings <c>API_RATE_LIMIT_PER_MINUTE</c>, <c>FORWARDED_HEADERS_KNOWN_NETWORKS</c> and <c>API_KEYS</c>
    /// (validated at start), the API key check, the rate limiter with the policies
    /// <see cref="CarouselCreationRateLimit.PolicyName"/> and <see cref="SlideRewriteRateLimit.PolicyName"/>, forwarded headers trusted only from the configured networks,
    /// and the body size limits. The host calls <c>UseForwardedHeaders()</c> first and
    /// <see cref="UsePublicApiProtection"/> before its endpoints.
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
            options.AddPolicy<string, SlideRewriteRateLimit>(SlideRewriteRateLimit.PolicyName);
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<PublicApiOptions>>(TrustOnlyKnownNetworks);
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return services;
    }

    /// <summary>The rate limiter and <see cref="RequestBodyLimit"/>s, after routing (they act per endpoint).</summary>
    public static IApplicationBuilder UsePublicApiProtection(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }

    /// <summary>Limits the bodies <paramref name="builder"/>'s endpoints read to <paramref name="maxBytes"/>.</summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long maxBytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        return builder.WithMetadata(new RequestBodyLimit(maxBytes));
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

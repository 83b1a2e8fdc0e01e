using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VibeCoder.Gateway.Hosting;

/// <summary>The gateway's HTTP plumbing.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// problem+json for every error (unreadable requests 400-class; a dependency away 503 with Retry-After), camel-case
    /// JSON with enum names.
    /// </summary>
    public static IServiceCollection AddGatewayApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<UnavailableExceptionHandler>();
        services.TryAddSingleton(TimeProvider.System);

        // Always throw on unreadable requests, so the handler above answers the same in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        return services;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace VibeCoder.Gateway.Hosting;

/// <summary>The gateway's HTTP plumbing.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>problem+json for every error, camel-case JSON with enum names.</summary>
    public static IServiceCollection AddGatewayApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VibeCoder.Rendering;

/// <summary>DI registration for the slide renderer.</summary>
public static class RenderingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISlideRenderer"/> (a singleton <see cref="SkiaSlideRenderer"/>). Its telemetry uses the
    /// meter and activity source "VibeCoder.Rendering" (histogram "vibecoder.render.duration", ms).
    /// </summary>
    public static IServiceCollection AddSlideRendering(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton<ISlideRenderer, SkiaSlideRenderer>();
        return services;
    }
}

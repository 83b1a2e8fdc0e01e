using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VibeCoder.Content;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Carousels.EditLinks;
using VibeCoder.Grains.Monitoring;
using VibeCoder.Rendering;

namespace VibeCoder.Grains.Hosting;

/// <summary>The services the product's grains use.</summary>
public static class CarouselServiceCollectionExtensions
{
    /// <summary>
    /// Adds content generation (OpenAI when <c>OPENAI_API_KEY</c> is set, else offline), slide rendering, the image
    /// cache and its render limiter, the silo's job admission, the pipeline monitor and <see cref="CarouselOptions"/>
    /// (section "Carousel"; <c>QUOTA_PER_HOUR</c>, <c>RENDER_CONCURRENCY</c>, <c>MAX_JOBS_IN_FLIGHT</c>) and the edit-link
    /// signer (<see cref="EditLinkServiceCollectionExtensions.AddEditLinks"/>).
    /// </summary>
    public static IServiceCollection AddCarouselServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CarouselOptions>()
            .Bind(configuration.GetSection(CarouselOptions.SectionName))
            .Configure(options =>
            {
                if (configuration["QUOTA_PER_HOUR"] is { Length: > 0 } quota)
                {
                    options.QuotaPerHour = int.TryParse(quota, out var perHour) ? perHour : 0;
                }

                // Unparsable values become out of range, so validation names the variable.
                if (configuration["RENDER_CONCURRENCY"] is { Length: > 0 } renders)
                {
                    options.RenderConcurrency = int.TryParse(renders, out var concurrency) ? concurrency : 0;
                }

                if (configuration["MAX_JOBS_IN_FLIGHT"] is { Length: > 0 } jobs)
                {
                    options.MaxJobsInFlight = int.TryParse(jobs, out var inFlight) && inFlight != 0 ? inFlight : -1;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CarouselOptions>, CarouselOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddCarouselContent(configuration);
        services.AddSlideRendering();
        services.AddSingleton<RenderLimiter>();
        services.AddSingleton<CarouselImages>();
        services.AddEditLinks(configuration);
        services.AddSingleton<JobAdmission>();
        services.AddSingleton<PipelineMonitor>();
        services.AddSingleton<IPipelineMonitor>(sp => sp.GetRequiredService<PipelineMonitor>());
        return services;
    }
}

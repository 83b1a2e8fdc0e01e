using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VibeCoder.Content;

/// <summary>Registers carousel content generation.</summary>
public static partial class ContentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ContentOptions"/> (bound from <paramref name="configuration"/>, validated at start) and
    /// <see cref="IContentGenerator"/>: the <see cref="OpenAiContentGenerator"/> when <c>OPENAI_API_KEY</c> is set,
    /// the <see cref="OfflineContentGenerator"/> otherwise, and <see cref="ISlideRewriter"/> by the same generator. Logs once
    /// which one is used (never the key).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root holding <c>OPENAI_*</c> keys and the <c>Content</c> section.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddCarouselContent(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ContentOptions>()
            .Configure(options => ContentOptionsBinder.Bind(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>());
        services.TryAddSingleton<OfflineContentGenerator>();
        services.TryAddSingleton<OpenAiContentGenerator>();
        services.TryAddSingleton(ChooseGenerator);

        // Rewrites go to the same generator as whole carousels; one registered without a rewriter (a test's) falls back to the offline one.
        services.TryAddSingleton<ISlideRewriter>(sp =>
            sp.GetRequiredService<IContentGenerator>() as ISlideRewriter ?? sp.GetRequiredService<OfflineContentGenerator>());
        return services;
    }

    private static IContentGenerator ChooseGenerator(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ContentOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(ContentTelemetry.Name);
        if (options.HasApiKey)
        {
            var endpoint = options.BaseUrl is null ? "the official endpoint" : new Uri(options.BaseUrl).GetLeftPart(UriPartial.Authority);
            Log.UsingOpenAi(logger, options.Model, endpoint);
            return services.GetRequiredService<OpenAiContentGenerator>();
        }

        Log.UsingOffline(logger, ContentOptions.ApiKeyVariable);
        return services.GetRequiredService<OfflineContentGenerator>();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Content generator: OpenAI, model {Model} at {Endpoint}")]
        public static partial void UsingOpenAi(ILogger logger, string model, string endpoint);

        [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Content generator: offline templates ({Variable} is not set)")]
        public static partial void UsingOffline(ILogger logger, string variable);
    }
}

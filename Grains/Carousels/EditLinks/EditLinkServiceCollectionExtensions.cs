using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VibeCoder.Grains.Carousels.EditLinks;

/// <summary>Registers the edit-link signer.</summary>
public static class EditLinkServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="EditLinkOptions"/> (<c>EDIT_LINK_SECRET</c>, <c>EDIT_LINK_HOURS</c>, <c>PUBLIC_BASE_URL</c>; validated
    /// at start) and <see cref="EditLinkSigner"/>. Idempotent. Needs an <c>IGrainFactory</c> (silo or client).
    /// </summary>
    public static IServiceCollection AddEditLinks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(EditLinkSigner)))
        {
            return services;
        }

        services.AddOptions<EditLinkOptions>()
            .Configure(options => EditLinkOptionsBinder.Bind(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EditLinkOptions>, EditLinkOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EditLinkSigner>();
        return services;
    }
}

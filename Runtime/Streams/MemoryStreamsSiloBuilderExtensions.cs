using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Runtime.Hosting;

namespace VibeCoder.Runtime.Streams;

/// <summary>Registers the in-memory stream provider. Orleans: <c>AddMemoryStreams</c>.</summary>
public static class MemoryStreamsSiloBuilderExtensions
{
    /// <summary>
    /// Adds an in-memory stream provider named <paramref name="name"/>: fast, in this process only, gone with it.
    /// Items are delivered asynchronously, in order per stream and subscription, at least once while the process lives,
    /// with the same retry and dead-letter rules as the durable providers. Retention defaults to at most 10,000 items
    /// per stream for at most 1 hour.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name (<c>GetStreamProvider(name)</c>).</param>
    /// <param name="configure">Changes delivery and retention settings; validated at start.</param>
    /// <exception cref="InvalidOperationException">A stream provider of that name is already registered.</exception>
    public static ISiloBuilder AddMemoryStreams(this ISiloBuilder builder, string name, Action<StreamOptions>? configure = null) =>
        StreamProviderRegistration.AddStreamProvider(
            builder,
            name,
            static (services, _) => new MemoryStreamLog(services.GetRequiredService<TimeProvider>()),
            static options =>
            {
                options.RetentionAge = TimeSpan.FromHours(1);
                options.RetentionCount = 10_000;
            },
            configure);
}

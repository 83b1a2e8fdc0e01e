using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Streams;

namespace VibeCoder.Persistence;

/// <summary>Registers the PostgreSQL stream provider. Orleans: a persistent stream provider over an ADO.NET queue.</summary>
public static class PostgresStreamsSiloBuilderExtensions
{
    /// <summary>
    /// Adds a durable stream provider named <paramref name="name"/> whose log lives in PostgreSQL (tables
    /// <c>stream_events</c>, <c>stream_heads</c>, <c>stream_subscriptions</c>, <c>stream_checkpoints</c>,
    /// <c>stream_dead_letters</c>, created at start). Publishing completes once items are committed; other processes
    /// hear of new items through <c>LISTEN/NOTIFY</c>. Also registers a health check <c>streams-&lt;name&gt;</c> tagged
    /// <c>ready</c>.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name (<c>GetStreamProvider(name)</c>; separates its rows from other providers').</param>
    /// <param name="configure">Sets the connection string (usually the grain storage's); validated at start.</param>
    /// <param name="configureStreams">Changes delivery, retry and retention settings; validated at start.</param>
    /// <exception cref="InvalidOperationException">A stream provider of that name is already registered.</exception>
    public static ISiloBuilder AddPostgresStreams(
        this ISiloBuilder builder,
        string name,
        Action<PostgresStorageOptions> configure,
        Action<StreamOptions>? configureStreams = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        StreamProviderRegistration.AddStreamProvider(
            builder,
            name,
            (provider, _) => provider.GetRequiredKeyedService<PostgresStreamLog>(name),
            static _ => { },
            configureStreams);

        var services = builder.Services;
        var optionsName = OptionsName(name);
        services.TryAddSingleton(provider => new PostgresDataSources(provider.GetService<ILoggerFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresStorageOptions>, PostgresStorageOptionsValidator>());
        services.AddOptions<PostgresStorageOptions>(optionsName).Configure(configure).ValidateOnStart();
        services.AddKeyedSingleton(name, (provider, _) =>
        {
            // Get validates the options, so a bad connection string fails here with the validator's message.
            var connectionString = provider.GetRequiredService<IOptionsMonitor<PostgresStorageOptions>>().Get(optionsName).ConnectionString;
            var streamOptions = provider.GetRequiredService<IOptionsMonitor<StreamOptions>>().Get(name);
            return new PostgresStreamLog(
                name,
                connectionString,
                provider.GetRequiredService<PostgresDataSources>().Get(connectionString),
                streamOptions.PublishBatchSize,
                streamOptions.PublishWriters,
                provider.GetService<ILogger<PostgresStreamLog>>());
        });
        StorageRegistration.AddBackend(services, $"streams-{name}", provider => provider.GetRequiredKeyedService<PostgresStreamLog>(name));
        return builder;
    }

    /// <summary>The options name of a stream provider's connection settings (it appears in validation messages).</summary>
    internal static string OptionsName(string name) => $"{name} (streams)";
}

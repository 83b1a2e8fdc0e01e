using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Streams;

namespace VibeCoder.Persistence;

/// <summary>Registers the SQLite stream provider, the embedded default.</summary>
public static class SqliteStreamsSiloBuilderExtensions
{
    /// <summary>
    /// Adds a durable stream provider named <paramref name="name"/> whose log lives in a SQLite file (usually the grain
    /// state's; tables created at start). Publishing completes once items are committed; this process's subscribers
    /// are signalled at once, items written by another process are found by the safety poll
    /// (<see cref="StreamOptions.SafetyPollInterval"/>). Also registers a health check <c>streams-&lt;name&gt;</c>
    /// tagged <c>ready</c>.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name (<c>GetStreamProvider(name)</c>; separates its rows from other providers').</param>
    /// <param name="configure">Sets the file path (default <see cref="SqliteStorageOptions.DefaultPath"/>); validated at start.</param>
    /// <param name="configureStreams">Changes delivery, retry and retention settings; validated at start.</param>
    /// <exception cref="InvalidOperationException">A stream provider of that name is already registered.</exception>
    public static ISiloBuilder AddSqliteStreams(
        this ISiloBuilder builder,
        string name,
        Action<SqliteStorageOptions> configure,
        Action<StreamOptions>? configureStreams = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        StreamProviderRegistration.AddStreamProvider(
            builder,
            name,
            (provider, _) => provider.GetRequiredKeyedService<SqliteStreamLog>(name),
            static options => options.SafetyPollInterval = TimeSpan.FromSeconds(2),
            configureStreams);

        var services = builder.Services;
        var optionsName = PostgresStreamsSiloBuilderExtensions.OptionsName(name);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        services.AddOptions<SqliteStorageOptions>(optionsName).Configure(configure).ValidateOnStart();
        services.AddKeyedSingleton(name, (provider, _) => new SqliteStreamLog(
            name,
            // Get validates the options, so a bad path fails here with the validator's message.
            provider.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(optionsName),
            provider.GetRequiredService<IOptionsMonitor<StreamOptions>>().Get(name).PublishBatchSize,
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetService<ILogger<SqliteStreamLog>>()));
        StorageRegistration.AddBackend(services, $"streams-{name}", provider => provider.GetRequiredKeyedService<SqliteStreamLog>(name));
        return builder;
    }
}

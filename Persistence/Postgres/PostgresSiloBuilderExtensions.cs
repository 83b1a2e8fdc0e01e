using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Reminders;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence;

/// <summary>
/// Registers the PostgreSQL providers. Orleans: <c>AddAdoNetGrainStorage</c> / <c>UseAdoNetReminderService</c>.
/// Each one also registers a silo start-up task that creates its table and a health check tagged <c>ready</c>.
/// </summary>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>Adds a <see cref="PostgresGrainStorage"/> as the keyed <see cref="IGrainStorage"/> named <paramref name="name"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name grains refer to (<see cref="PersistentStateAttribute.DefaultStorageName"/> for the default).</param>
    /// <param name="configure">Sets the connection string; validated at start.</param>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, Action<PostgresStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        AddShared(services, name, configure);
        services.AddKeyedSingleton(name, (provider, _) => new PostgresGrainStorage(
            DataSource(provider, name),
            provider.GetRequiredService<IGrainStateSerializer>(),
            name,
            provider.GetService<ILogger<PostgresGrainStorage>>()));
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) => provider.GetRequiredKeyedService<PostgresGrainStorage>(name));
        StorageRegistration.AddBackend(services, $"storage-{name}", provider => provider.GetRequiredKeyedService<PostgresGrainStorage>(name));
        return builder;
    }

    /// <summary>Uses a <see cref="PostgresReminderTable"/> as the <see cref="IReminderTable"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the connection string; validated at start.</param>
    public static ISiloBuilder UsePostgresReminderService(this ISiloBuilder builder, Action<PostgresStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        const string name = StorageRegistration.ReminderOptionsName;
        AddShared(services, name, configure);
        services.AddSingleton(provider => new PostgresReminderTable(
            DataSource(provider, name),
            provider.GetService<ILogger<PostgresReminderTable>>()));
        services.AddSingleton<IReminderTable>(provider => provider.GetRequiredService<PostgresReminderTable>());
        StorageRegistration.AddBackend(services, "reminders", provider => provider.GetRequiredService<PostgresReminderTable>());
        return builder;
    }

    private static void AddShared(IServiceCollection services, string optionsName, Action<PostgresStorageOptions> configure)
    {
        services.TryAddSingleton(provider => new PostgresDataSources(provider.GetService<ILoggerFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresStorageOptions>, PostgresStorageOptionsValidator>());
        services.AddOptions<PostgresStorageOptions>(optionsName).Configure(configure).ValidateOnStart();
    }

    private static Npgsql.NpgsqlDataSource DataSource(IServiceProvider provider, string optionsName)
    {
        // Get validates the options, so a bad connection string fails here with the validator's message.
        var options = provider.GetRequiredService<IOptionsMonitor<PostgresStorageOptions>>().Get(optionsName);
        return provider.GetRequiredService<PostgresDataSources>().Get(options.ConnectionString);
    }
}

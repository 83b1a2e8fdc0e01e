using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VibeCoder.Runtime.Hosting;
using VibeCoder.Runtime.Reminders;
using VibeCoder.Runtime.Storage;

namespace VibeCoder.Persistence;

/// <summary>
/// Registers the SQLite providers, the embedded default. Each one also registers a silo start-up task that creates
/// the file, its directory and its table, and a health check tagged <c>ready</c>.
/// </summary>
public static class SqliteSiloBuilderExtensions
{
    /// <summary>Adds a <see cref="SqliteGrainStorage"/> as the keyed <see cref="IGrainStorage"/> named <paramref name="name"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name grains refer to (<see cref="PersistentStateAttribute.DefaultStorageName"/> for the default).</param>
    /// <param name="configure">Sets the file path (default <see cref="SqliteStorageOptions.DefaultPath"/>); validated at start.</param>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        AddShared(services, name, configure);
        services.AddKeyedSingleton(name, (provider, _) => new SqliteGrainStorage(
            Options(provider, name),
            provider.GetRequiredService<IGrainStateSerializer>(),
            name,
            provider.GetService<ILogger<SqliteGrainStorage>>()));
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, _) => provider.GetRequiredKeyedService<SqliteGrainStorage>(name));
        StorageRegistration.AddBackend(services, $"storage-{name}", provider => provider.GetRequiredKeyedService<SqliteGrainStorage>(name));
        return builder;
    }

    /// <summary>Uses a <see cref="SqliteReminderTable"/> as the <see cref="IReminderTable"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the file path (default <see cref="SqliteStorageOptions.DefaultPath"/>); validated at start.</param>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        const string name = StorageRegistration.ReminderOptionsName;
        AddShared(services, name, configure);
        services.AddSingleton(provider => new SqliteReminderTable(Options(provider, name), provider.GetService<ILogger<SqliteReminderTable>>()));
        services.AddSingleton<IReminderTable>(provider => provider.GetRequiredService<SqliteReminderTable>());
        StorageRegistration.AddBackend(services, "reminders", provider => provider.GetRequiredService<SqliteReminderTable>());
        return builder;
    }

    private static void AddShared(IServiceCollection services, string optionsName, Action<SqliteStorageOptions> configure)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        services.AddOptions<SqliteStorageOptions>(optionsName).Configure(configure).ValidateOnStart();
    }

    // Get validates the options, so a bad path fails here with the validator's message.
    private static SqliteStorageOptions Options(IServiceProvider provider, string optionsName) =>
        provider.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(optionsName);
}

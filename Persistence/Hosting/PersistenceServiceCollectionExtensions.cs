using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using VibeCoder.Persistence.Health;
using VibeCoder.Persistence.Journal;
using VibeCoder.Persistence.Streams;

namespace VibeCoder.Persistence.Hosting;

/// <summary>What a host without a silo (a gateway in client mode) reads from the database directly.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="DatabaseHealthCheck"/>, the <see cref="IEventJournal"/> and the <see cref="IStreamDeadLetters"/>
    /// of <paramref name="database"/> (the silo's <c>AddVibeCoderPersistence</c> adds them itself).
    /// </summary>
    public static IServiceCollection AddVibeCoderDatabaseReaders(this IServiceCollection services, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(database);
        services.TryAddSingleton(_ => new VibeCoderDatabase(database));
        services.TryAddSingleton(sp => new DatabaseHealthCheck(sp.GetRequiredService<VibeCoderDatabase>()));
        services.TryAddSingleton<IEventJournal>(sp => database.Kind == DatabaseKind.Postgres
            ? new PostgresEventJournal(sp.GetRequiredService<VibeCoderDatabase>().DataSource)
            : new SqliteEventJournal(sp.GetRequiredService<VibeCoderDatabase>().DataSource));
        services.TryAddSingleton<IStreamDeadLetters>(sp => database.Kind == DatabaseKind.Postgres
            ? new PostgresStreamDeadLetters(sp.GetRequiredService<VibeCoderDatabase>().DataSource, sp.GetRequiredService<IOptions<ClusterOptions>>())
            : new SqliteStreamDeadLetters(sp.GetRequiredService<VibeCoderDatabase>().DataSource, sp.GetRequiredService<IOptions<ClusterOptions>>()));
        return services;
    }
}

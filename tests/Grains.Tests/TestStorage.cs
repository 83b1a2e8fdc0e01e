using Orleans.Hosting;
using VibeCoder.Grains.Events;
using VibeCoder.Persistence;
using VibeCoder.Persistence.Hosting;

namespace VibeCoder.Grains.Tests;

/// <summary>
/// The store the product cluster's silos share — a SQLite file through the product's AdoNet persistence, so state,
/// reminders and stream messages outlive a killed silo — and the stream provider its client publishes and subscribes with.
/// </summary>
internal static class TestStorage
{
    private static readonly DatabaseSettings Database = DatabaseSettings.ForSqliteFile(
        Path.Combine(Path.GetTempPath(), "vibecoder-grains-tests", Guid.NewGuid().ToString("N") + ".db"));

    public static void Configure(ISiloBuilder silo) => silo.AddVibeCoderPersistence(Database, DomainEventStreams.ProviderName);

    public static void Configure(IClientBuilder client) => client.AddVibeCoderStreams(Database, DomainEventStreams.ProviderName);
}

using Orleans.Hosting;
using VibeCoder.Grains.Events;

namespace VibeCoder.Grains.Tests;

/// <summary>The store the product cluster's silos share, and the stream provider its client publishes and subscribes with.</summary>
internal static class TestStorage
{
    public static void Configure(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorageAsDefault();
        silo.AddMemoryGrainStorage("PubSubStore");
        silo.UseInMemoryReminderService();
        silo.AddMemoryStreams(DomainEventStreams.ProviderName);
    }

    public static void Configure(IClientBuilder client) => client.AddMemoryStreams(DomainEventStreams.ProviderName);
}

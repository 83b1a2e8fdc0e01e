namespace VibeCoder.Grains.Events;

/// <summary>Where the product's domain events go: one stream provider, in the same database as grain state.</summary>
public static class DomainEventStreams
{
    /// <summary>The stream provider name domain events are published to.</summary>
    public const string ProviderName = "events";
}

namespace VibeCoder.Grains.Telegram;

/// <summary>The stream provider the bot uses.</summary>
public static class TelegramStreams
{
    /// <summary>
    /// The durable provider that carries accepted Telegram updates (namespace
    /// <see cref="Sessions.TelegramUpdateReceived.StreamNamespace"/>) and the bot's domain events. The silo registers it
    /// on the configured storage (SQLite, PostgreSQL, or memory for tests).
    /// </summary>
    public const string ProviderName = VibeCoder.Grains.Events.DomainEventStreams.ProviderName;
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VibeCoder.Grains.Events;
using Orleans.Runtime;
using Orleans.Streams;

namespace VibeCoder.Grains.Telegram.Events;

/// <summary>
/// Publishes the bot's domain events (user.message.received, command.executed, user.session.created,
/// user.interaction.tracked) to the stream provider <see cref="ProviderName"/>, on the namespace the catalog assigns
/// and keyed by user id. Event ids derive from the update, so an update handled twice (at-least-once delivery)
/// republishes the same ids and consumers drop the repeat; correlation comes from the request context the update's
/// delivery set (<c>tg-{update_id}</c>).
/// </summary>
internal sealed partial class BotEvents(IServiceProvider services, TimeProvider clock, ILogger<BotEvents> logger)
{
    /// <summary>The stream provider domain events go to; without one registered, events are not published.</summary>
    public const string ProviderName = TelegramStreams.ProviderName;

    /// <summary>The envelope's source.</summary>
    public const string Source = "telegram-bot";

    private readonly IStreamProvider? _provider = services.GetKeyedService<IStreamProvider>(ProviderName);

    /// <summary>Publishes <paramref name="payload"/> as the event of <paramref name="updateId"/> for <paramref name="userId"/>.</summary>
    public async Task PublishAsync<TPayload>(long updateId, string userId, TPayload payload)
        where TPayload : IEventPayload
    {
        if (_provider is null)
        {
            return;
        }

        var type = TPayload.EventType;
        var metadata = new EventMetadata(
            Correlation.CurrentId ?? Sessions.TelegramUpdateReceived.CorrelationIdOf(updateId),
            RequestContext.Get(CorrelationKeys.CausationId) as string,
            userId);
        var envelope = EventEnvelope.Create(type, Source, payload, metadata, clock.GetUtcNow(), EventId(updateId, type));
        try
        {
            await _provider.GetStream<EventEnvelope>(StreamId.Create(EventTypes.NamespaceOf(type), userId)).OnNextAsync(envelope);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Analytics must not cost the user their answer: the conversation goes on without the event.
            Log.PublishFailed(logger, type, updateId, exception);
        }
    }

    // Same update and type, same id: a repeat is recognisable downstream.
    private static string EventId(long updateId, string type)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Source}:{updateId}:{type}")), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Could not publish {EventType} for update {UpdateId}")]
        public static partial void PublishFailed(ILogger logger, string eventType, long updateId, Exception exception);
    }
}

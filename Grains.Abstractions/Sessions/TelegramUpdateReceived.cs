using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace VibeCoder.Grains.Sessions;

/// <summary>
/// A Telegram update as the gateway accepted it: the item of the durable stream <see cref="StreamNamespace"/>/chat id
/// that the chat's <see cref="ISessionGrain"/> consumes in order. The update stays the raw JSON Telegram sent, so
/// nothing Telegram adds later is lost on the way.
/// </summary>
/// <param name="UpdateId">Telegram's update_id (unique per bot, increasing).</param>
/// <param name="ChatId">The chat the update belongs to; also the stream key and the session grain's key.</param>
/// <param name="Update">The update as Telegram's UTF-8 JSON text.</param>
/// <param name="ReceivedAt">When the gateway accepted it.</param>
[GenerateSerializer, Immutable, Alias("vc.TelegramUpdateReceived")]
public sealed record TelegramUpdateReceived(long UpdateId, long ChatId, string Update, DateTimeOffset ReceivedAt)
{
    /// <summary>The stream namespace of accepted updates; the stream key is the chat id.</summary>
    public const string StreamNamespace = "telegram-updates";

    /// <summary>The correlation id of everything the update causes: <c>tg-{update_id}</c>.</summary>
    public static string CorrelationIdOf(long updateId) => string.Concat("tg-", updateId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Puts the update's correlation id into the current <see cref="RequestContext"/> (call before handling it).</summary>
    public void EnterContext() => RequestContext.Set(Events.CorrelationKeys.CorrelationId, CorrelationIdOf(UpdateId));
}

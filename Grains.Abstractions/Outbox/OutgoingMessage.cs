using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Outbox;

/// <summary>One message the bot owes a chat: a new text message, or a new text for one of its earlier messages.</summary>
/// <param name="Key">
/// Identifies the message across redeliveries of the update that produced it (<c>{update id}:{ordinal}</c>): the outbox
/// keeps one message per key, so handling an update again does not queue its replies twice.
/// </param>
/// <param name="UserId">The user the reply is for; marked inactive when Telegram says they blocked the bot.</param>
/// <param name="Text">The text, at most one Telegram message long.</param>
/// <param name="KeyboardJson">The inline keyboard as Bot API JSON, or null.</param>
/// <param name="EditMessageId">The bot's message to edit; null sends a new message.</param>
/// <param name="StatusOfJobId">
/// Set for a carousel's status message: it is left out when the carousel is already being delivered or has finished by
/// the time Telegram answers again, since "accepted, writing…" after the slides would only confuse.
/// </param>
[GenerateSerializer, Immutable, Alias("vc.OutgoingMessage")]
public sealed record OutgoingMessage(string Key, string UserId, string Text, string? KeyboardJson = null, int? EditMessageId = null, string? StatusOfJobId = null);

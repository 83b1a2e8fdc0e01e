using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>A Telegram chat to deliver a carousel to.</summary>
/// <param name="ChatId">The chat.</param>
/// <param name="StatusMessageId">The bot's status message to keep editing, if one was sent.</param>
/// <param name="Language">The language of the bot's replies ("ru" or "en").</param>
[GenerateSerializer, Immutable, Alias("vc.DeliveryTarget")]
public sealed record DeliveryTarget(long ChatId, int? StatusMessageId, string Language);

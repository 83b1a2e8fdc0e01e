using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.UserMessageReceived"/>: a Telegram message arrived.</summary>
/// <param name="UserId">The Telegram user id.</param>
/// <param name="ChatId">The chat it came from.</param>
/// <param name="MessageId">The message id within the chat.</param>
/// <param name="Text">The text (or caption), possibly empty.</param>
[GenerateSerializer, Immutable, Alias("vc.UserMessageReceived")]
public sealed record UserMessageReceived(string UserId, long ChatId, long MessageId, string Text) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.UserMessageReceived;
}

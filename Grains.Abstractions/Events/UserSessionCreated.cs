using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.UserSessionCreated"/>: a chat session began.</summary>
/// <param name="UserId">The Telegram user id.</param>
/// <param name="ChatId">The chat (the session's key).</param>
[GenerateSerializer, Immutable, Alias("vc.UserSessionCreated")]
public sealed record UserSessionCreated(string UserId, long ChatId) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.UserSessionCreated;
}

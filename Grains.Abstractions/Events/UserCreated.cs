using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.UserCreated"/>: a user was seen for the first time.</summary>
/// <param name="UserId">The Telegram user id.</param>
/// <param name="Username">The Telegram username, if public.</param>
/// <param name="LanguageCode">The client's language code, if sent.</param>
[GenerateSerializer, Immutable, Alias("vc.UserCreated")]
public sealed record UserCreated(string UserId, string? Username, string? LanguageCode) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.UserCreated;
}

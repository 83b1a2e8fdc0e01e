using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.UserUpdated"/>: a user's profile or settings changed.</summary>
/// <param name="UserId">The Telegram user id.</param>
/// <param name="ChangedFields">The names of the settings that changed, e.g. "slideCount", "theme".</param>
[GenerateSerializer, Immutable, Alias("vc.UserUpdated")]
public sealed record UserUpdated(string UserId, IReadOnlyList<string> ChangedFields) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.UserUpdated;
}

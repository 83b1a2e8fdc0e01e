using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.UserInteractionTracked"/>: a user did something worth counting.</summary>
/// <param name="UserId">The user, when known.</param>
/// <param name="Action">What they did, e.g. "carousel.downloaded".</param>
/// <param name="JobId">The job it concerns, if any.</param>
[GenerateSerializer, Immutable, Alias("vc.UserInteractionTracked")]
public sealed record UserInteractionTracked(string? UserId, string Action, string? JobId) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.UserInteractionTracked;
}

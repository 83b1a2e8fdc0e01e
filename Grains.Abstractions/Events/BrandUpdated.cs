using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.BrandUpdated"/>: a user changed their brand kit.</summary>
/// <param name="UserId">The user.</param>
/// <param name="ChangedFields">What changed, e.g. "primaryColor", "logoHash", "showHandle".</param>
[GenerateSerializer, Immutable, Alias("vc.BrandUpdated")]
public sealed record BrandUpdated(string UserId, IReadOnlyList<string> ChangedFields) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.BrandUpdated;
}

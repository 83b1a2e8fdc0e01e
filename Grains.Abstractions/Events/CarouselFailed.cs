using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.CarouselFailed"/>: the job failed for good.</summary>
/// <param name="JobId">The carousel job.</param>
/// <param name="UserId">Who asked, when known.</param>
/// <param name="Step">The workflow step that failed last, e.g. "render".</param>
/// <param name="Error">What went wrong, fit to show the user.</param>
[GenerateSerializer, Immutable, Alias("vc.CarouselFailed")]
public sealed record CarouselFailed(string JobId, string? UserId, string Step, string Error) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.CarouselFailed;
}

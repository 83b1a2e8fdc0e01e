using Orleans;
using Orleans.Concurrency;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Events;

/// <summary>Data of <see cref="EventTypes.CarouselSlideEdited"/>: a finished carousel was edited or an edit undone.</summary>
/// <param name="JobId">The carousel job.</param>
/// <param name="UserId">Whose carousel, when known.</param>
/// <param name="Revision">The carousel's revision after the change.</param>
/// <param name="Kind">"text", "rewrite", "remove", "move" or "undo".</param>
/// <param name="Slide">The 1-based slide the edit applied to (for an undo: of the edit undone).</param>
/// <param name="To">Where a move put it; null otherwise.</param>
/// <param name="ChangedSlides">The positions whose image changed.</param>
[GenerateSerializer, Immutable, Alias("vc.CarouselSlideEdited")]
public sealed record CarouselSlideEdited(string JobId, string? UserId, int Revision, string Kind, int Slide, int? To, IReadOnlyList<int> ChangedSlides) : IEventPayload
{
    /// <inheritdoc />
    public static string EventType => EventTypes.CarouselSlideEdited;
}

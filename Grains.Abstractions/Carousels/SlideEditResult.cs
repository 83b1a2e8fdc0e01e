using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>The answer to an edit or an undo.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Job">The job as it is now (after the change when applied); null when no job has the id.</param>
/// <param name="Error">Why it was refused, in words a user understands; null when applied.</param>
/// <param name="ChangedSlides">
/// The 1-based positions whose image changed (their <see cref="SlideView.ImageKey"/> differs from before): what to draw
/// again and update where the carousel was sent. Empty unless applied.
/// </param>
[GenerateSerializer, Immutable, Alias("vc.SlideEditResult")]
public sealed record SlideEditResult(SlideEditOutcome Outcome, CarouselJobSnapshot? Job, string? Error, IReadOnlyList<int> ChangedSlides)
{
    /// <summary>True when the change was stored.</summary>
    public bool Applied => Outcome == SlideEditOutcome.Applied;
}

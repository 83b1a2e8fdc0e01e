using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>The record of one carousel job: request, status, content. Key: the job id.</summary>
[Alias("vc.ICarouselJobGrain")]
public interface ICarouselJobGrain : IGrainWithStringKey
{
    /// <summary>The longest <see cref="WaitUntilFinal"/> holds a call (below Orleans' 30 s response timeout).</summary>
    static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(25);

    /// <summary>Creates the record in status queued; a repeated call returns the existing record unchanged.</summary>
    [Alias("Create")]
    Task<CarouselJobSnapshot> Create(CarouselRequest request);

    /// <summary>The record, or null when no job has this id.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<CarouselJobSnapshot?> Get();

    /// <summary>
    /// The record once the job is final, or as it is after <paramref name="maxWait"/> (at most
    /// <see cref="MaxWait"/>): long-polling for callers anywhere in the cluster. Null when no job has this id.
    /// </summary>
    [AlwaysInterleave]
    [Alias("WaitUntilFinal")]
    Task<CarouselJobSnapshot?> WaitUntilFinal(TimeSpan maxWait);

    /// <summary>Applies a change; changes after a final status are ignored (returns the unchanged record).</summary>
    [Alias("Update")]
    Task<CarouselJobSnapshot> Update(JobUpdate update);

    /// <summary>
    /// Edits one slide of a completed carousel and stores the result as a new revision (the previous content is kept
    /// for <see cref="Undo"/>); publishes <c>carousel.slide.edited</c>. Refused, changing nothing, when the job is not
    /// completed, the edit is invalid, or <paramref name="expectedRevision"/> is given and is not the current revision.
    /// </summary>
    [Alias("EditSlide")]
    Task<SlideEditResult> EditSlide(SlideEdit edit, int? expectedRevision);

    /// <summary>Takes the last edit back (as a new revision); <see cref="SlideEditOutcome.NothingToUndo"/> when there is none.</summary>
    [Alias("Undo")]
    Task<SlideEditResult> Undo(int? expectedRevision);

    /// <summary>Remembers the Telegram messages the slides were sent as (and which image each shows now).</summary>
    [Alias("SetTelegramAlbum")]
    Task SetTelegramAlbum(TelegramAlbum album);
}

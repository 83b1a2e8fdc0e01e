using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>Everything known about a job at one moment.</summary>
/// <param name="Id">The job id.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Request">What was asked.</param>
/// <param name="Content">The written carousel, once written.</param>
/// <param name="Step">The workflow step in progress (null before the start and after the end).</param>
/// <param name="RenderedSlides">How many slides are drawn so far.</param>
/// <param name="Error">Why it failed, in words a user understands; null unless failed.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="CorrelationId">The correlation id of the job's domain events (read its story from the journal).</param>
/// <param name="CompletedAt">When it reached a final status.</param>
/// <param name="Notice">
/// A note for the user while the job is held up, e.g. that generation is delayed because the AI service is unavailable
/// and the job continues by itself; null when nothing holds it up.
/// </param>
/// <param name="Revision">
/// How many edits the finished carousel has had (0 as generated); every edit and every undo makes the next one, so a
/// client sends the revision it saw and an edit based on an older one is refused instead of overwriting another.
/// </param>
/// <param name="UndoDepth">How many edits an undo can still take back.</param>
/// <param name="TelegramAlbum">The photo messages the carousel was sent as, once sent to Telegram; null otherwise.</param>
[GenerateSerializer, Immutable, Alias("vc.CarouselJobSnapshot")]
public sealed record CarouselJobSnapshot(
    string Id,
    JobStatus Status,
    CarouselRequest Request,
    CarouselContent? Content,
    WorkflowStep? Step,
    int RenderedSlides,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    string? CorrelationId = null,
    string? Notice = null,
    int Revision = 0,
    int UndoDepth = 0,
    TelegramAlbum? TelegramAlbum = null)
{
    /// <summary>The slides with their 1-based index (empty until written).</summary>
    public IReadOnlyList<SlideView> Slides =>
        Content?.Slides.Select((s, i) => new SlideView(i + 1, s.Kind, s.Heading, s.Body, SlideImageKey.Of(s, i + 1, Content.Slides.Count))).ToArray() ?? [];

    /// <summary>True for completed, failed and cancelled.</summary>
    public bool IsFinal => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
}

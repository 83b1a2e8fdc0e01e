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
    string? Notice = null)
{
    /// <summary>The slides with their 1-based index (empty until written).</summary>
    public IReadOnlyList<SlideView> Slides =>
        Content?.Slides.Select((s, i) => new SlideView(i + 1, s.Kind, s.Heading, s.Body)).ToArray() ?? [];

    /// <summary>True for completed, failed and cancelled.</summary>
    public bool IsFinal => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
}

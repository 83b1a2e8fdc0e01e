using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>A change to a job's record, written by its workflow. Null fields are left as they are.</summary>
/// <param name="Status">The new status.</param>
/// <param name="Step">The workflow step now in progress.</param>
/// <param name="Content">The written carousel.</param>
/// <param name="RenderedSlides">Slides drawn so far.</param>
/// <param name="Error">Why the job failed, in words a user understands.</param>
/// <param name="ClearStep">True to clear the step (the workflow ended).</param>
/// <param name="Notice">A note for the user while the job is held up (e.g. the AI service is down).</param>
/// <param name="ClearNotice">True to clear the note (the job moves on again, or ended).</param>
[GenerateSerializer, Immutable, Alias("vc.JobUpdate")]
public sealed record JobUpdate(
    JobStatus? Status = null,
    WorkflowStep? Step = null,
    CarouselContent? Content = null,
    int? RenderedSlides = null,
    string? Error = null,
    bool ClearStep = false,
    string? Notice = null,
    bool ClearNotice = false);

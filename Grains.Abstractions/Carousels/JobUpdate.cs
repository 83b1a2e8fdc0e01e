using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>A change to a job's record, written by its workflow. Null fields are left as they are.</summary>
[GenerateSerializer, Immutable, Alias("vc.JobUpdate")]
public sealed record JobUpdate(
    JobStatus? Status = null,
    WorkflowStep? Step = null,
    CarouselContent? Content = null,
    int? RenderedSlides = null,
    string? Error = null,
    bool ClearStep = false);

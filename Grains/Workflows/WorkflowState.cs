using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Workflows;

/// <summary>
/// The durable state of a <see cref="WorkflowGrain"/>. Written only by the workflow's run loop, after each
/// attempt starts and after each step's outcome, so a restart resumes from the last completed step.
/// </summary>
public sealed record WorkflowState
{
    /// <summary>What was asked; null before <c>Start</c>.</summary>
    public CarouselRequest? Request { get; init; }

    /// <summary>The next step to run; null once all steps completed.</summary>
    public WorkflowStep? Step { get; init; }

    /// <summary>Attempts already started of <see cref="Step"/> (a crash mid-attempt counts).</summary>
    public int Attempt { get; init; }

    /// <summary>The language decided by the analyse step.</summary>
    public string? Language { get; init; }

    /// <summary>The content written by the write step.</summary>
    public CarouselContent? Content { get; init; }

    /// <summary>Slides drawn by the render step.</summary>
    public int RenderedSlides { get; init; }

    /// <summary>Parts of the result Telegram accepted (album:0, buttons…), so a resumed delivery sends only the rest.</summary>
    public IReadOnlyList<string> SentParts { get; init; } = [];

    /// <summary>Which activation runs the deliver step, while it runs; null otherwise.</summary>
    public StepLease? Lease { get; init; }

    /// <summary>
    /// Set before the finishing side effects (refund, history, job status, notification) run; they are
    /// idempotent, so a crash in between just runs them again.
    /// </summary>
    public WorkflowOutcome? Finishing { get; init; }

    /// <summary>The error shown to the user when failing.</summary>
    public string? Error { get; init; }

    /// <summary>Set once everything is done; the workflow never runs again.</summary>
    public WorkflowOutcome? Outcome { get; init; }

    /// <summary>The correlation id of the flow that started the job; every event of the job carries it.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>
    /// When the next try of the step is due, while the workflow waits out an outage of the AI service; null otherwise.
    /// Stored so an activation that resumes the workflow after a restart waits too instead of calling the service at once.
    /// </summary>
    public DateTimeOffset? RetryNotBefore { get; init; }

    /// <summary>Tries of the write step that failed on an outage of the AI service in a row (they do not count as attempts).</summary>
    public int OutageRetries { get; init; }

    /// <summary>
    /// When the user was told that generation is delayed (the first outage failure); kept after the job moves on, so
    /// the notice is given once per job, also across restarts.
    /// </summary>
    public DateTimeOffset? DelayNoticeAt { get; init; }

    /// <summary>Every attempt so far.</summary>
    public IReadOnlyList<StepRecord> History { get; init; } = [];
}

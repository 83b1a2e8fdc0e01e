namespace VibeCoder.Grains.Carousels;

/// <summary>
/// Settings of the carousel pipeline, bound from the "Carousel" section; <c>QUOTA_PER_HOUR</c>,
/// <c>RENDER_CONCURRENCY</c> and <c>MAX_JOBS_IN_FLIGHT</c> override <see cref="QuotaPerHour"/>,
/// <see cref="RenderConcurrency"/> and <see cref="MaxJobsInFlight"/>.
/// </summary>
public sealed class CarouselOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Carousel";

    /// <summary>Carousels one user may start per rolling hour. Default 10.</summary>
    public int QuotaPerHour { get; set; } = 10;

    /// <summary>Attempts per workflow step before the job fails. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first retry delay; each further retry doubles it, plus up to 50 % jitter. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the durable watchdog reminder checks a running workflow. Default 5 s.</summary>
    public TimeSpan WatchdogPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time limit of one attempt of the analyse step. Default 10 s.</summary>
    public TimeSpan AnalyseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time limit of one attempt of the write step (the LLM call). Default 90 s.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Time limit of one attempt of the render step. Default 60 s.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time limit of one attempt of the deliver step. Default 120 s.</summary>
    public TimeSpan DeliverTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How long the deliver step keeps waiting for Telegram (down, unreachable, or flood control) after its first failed
    /// attempt before the job fails; such waits do not count against <see cref="MaxAttempts"/>. Default 30 min.
    /// </summary>
    public TimeSpan DeliveryWaitLimit { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Time limit of one attempt of the record step. Default 15 s.</summary>
    public TimeSpan RecordTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long after its start a job may still wait out an outage of the AI service (timeouts, 429, 5xx, an open
    /// circuit breaker). Until then such failures of the write step do not count toward <see cref="MaxAttempts"/>: the
    /// workflow waits and tries again. A try that fails after the deadline fails the job. Default 15 min.
    /// </summary>
    public TimeSpan JobDeadline { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The longest wait between two tries of the write step during an outage of the AI service when the service did not
    /// say how long to wait (the backoff starts at <see cref="RetryBaseDelay"/> and doubles). Default 30 s.
    /// </summary>
    public TimeSpan OutageRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Slides drawn at once in this process, by all jobs and image requests together. Default: the processor count.</summary>
    public int RenderConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Carousel jobs a silo holds accepted but not finished; a new job beyond it is refused with
    /// <see cref="CarouselOverloadedException"/>. Default 0, meaning 16 × <see cref="RenderConcurrency"/>. An admitted
    /// job waits about this bound ÷ the silo's throughput at worst (Little's law), so size it as the worst latency wanted
    /// × the sustainable rate the <c>overload</c> benchmark measures; it counts jobs in every step, those waiting for an
    /// LLM too, hence generous.
    /// </summary>
    public int MaxJobsInFlight { get; set; }

    /// <summary><see cref="MaxJobsInFlight"/>, with 0 resolved to its default.</summary>
    public int EffectiveMaxJobsInFlight => MaxJobsInFlight > 0 ? MaxJobsInFlight : 16 * Math.Max(1, RenderConcurrency);

    /// <summary>History entries kept per user. Default 50.</summary>
    public int HistorySize { get; set; } = 50;

    /// <summary>The time limit of one attempt of <paramref name="step"/>.</summary>
    public TimeSpan TimeoutOf(WorkflowStep step) => step switch
    {
        WorkflowStep.Analyse => AnalyseTimeout,
        WorkflowStep.Write => WriteTimeout,
        WorkflowStep.Render => RenderTimeout,
        WorkflowStep.Deliver => DeliverTimeout,
        _ => RecordTimeout,
    };
}

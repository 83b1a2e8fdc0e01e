using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Monitoring;

/// <summary>The carousel pipeline as seen by this process since it started.</summary>
/// <param name="JobsByStatus">Jobs that reached each status (a job passes through several).</param>
/// <param name="InFlight">Jobs started and not yet final.</param>
/// <param name="Steps">Time per workflow step.</param>
/// <param name="RecentFailures">The latest failures, newest first (at most 50).</param>
public sealed record PipelineSnapshot(
    IReadOnlyDictionary<JobStatus, long> JobsByStatus,
    long InFlight,
    IReadOnlyList<StepTiming> Steps,
    IReadOnlyList<PipelineFailure> RecentFailures);

using System.Collections.Concurrent;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// Lets callers in this process await a job's final status instead of polling (the API's long-poll, tests,
/// benchmarks). The job grain signals when it reaches completed, failed or cancelled.
/// </summary>
public sealed class JobCompletionSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CarouselJobSnapshot>> _waiting = new();

    /// <summary>
    /// A task that completes with the job's final snapshot. Register before reading the job's current state,
    /// so a completion between the two is not missed.
    /// </summary>
    public Task<CarouselJobSnapshot> WhenFinal(string jobId) =>
        _waiting.GetOrAdd(jobId, static _ => new TaskCompletionSource<CarouselJobSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Called by the job grain when the job reached a final status.</summary>
    public void Signal(CarouselJobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _waiting.GetOrAdd(job.Id, static _ => new TaskCompletionSource<CarouselJobSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult(job);

        // Keep the completed entry briefly for late waiters, but never more than a bounded number.
        if (_waiting.Count > 10_000)
        {
            foreach (var entry in _waiting.Where(e => e.Value.Task.IsCompleted).Take(5_000).ToArray())
            {
                _waiting.TryRemove(entry);
            }
        }
    }
}

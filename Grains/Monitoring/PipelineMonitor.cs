using System.Collections.Concurrent;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Monitoring;

/// <summary>
/// Process-wide pipeline statistics, written by workflow grains (many at once: lock-free counters, one small
/// lock for the failure ring).
/// </summary>
public sealed class PipelineMonitor : IPipelineMonitor
{
    private const int MaxFailures = 50;

    private readonly ConcurrentDictionary<JobStatus, long> _byStatus = new();
    private readonly ConcurrentDictionary<WorkflowStep, StepAccumulator> _steps = new();
    private readonly LinkedList<PipelineFailure> _failures = new();
    private long _inFlight;

    /// <summary>Counts a job reaching <paramref name="status"/>.</summary>
    public void RecordStatus(JobStatus status)
    {
        _byStatus.AddOrUpdate(status, 1, static (_, n) => n + 1);
        if (status == JobStatus.Queued)
        {
            Interlocked.Increment(ref _inFlight);
        }
        else if (status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled)
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Counts one execution of a step.</summary>
    public void RecordStep(WorkflowStep step, TimeSpan elapsed, bool succeeded) =>
        _steps.GetOrAdd(step, static _ => new StepAccumulator()).Add(elapsed.TotalMilliseconds, succeeded);

    /// <summary>Remembers a failure for the dashboard.</summary>
    public void RecordFailure(PipelineFailure failure)
    {
        lock (_failures)
        {
            _failures.AddFirst(failure);
            if (_failures.Count > MaxFailures)
            {
                _failures.RemoveLast();
            }
        }
    }

    /// <inheritdoc />
    public PipelineSnapshot Snapshot()
    {
        PipelineFailure[] failures;
        lock (_failures)
        {
            failures = [.. _failures];
        }

        return new PipelineSnapshot(
            _byStatus.ToDictionary(p => p.Key, p => p.Value),
            Interlocked.Read(ref _inFlight),
            _steps.OrderBy(p => p.Key).Select(p => p.Value.ToTiming(p.Key)).ToArray(),
            failures);
    }

    private sealed class StepAccumulator
    {
        private long _count;
        private long _failures;
        private double _totalMs;
        private double _maxMs;

        public void Add(double ms, bool succeeded)
        {
            lock (this)
            {
                _count++;
                _totalMs += ms;
                _maxMs = Math.Max(_maxMs, ms);
                if (!succeeded)
                {
                    _failures++;
                }
            }
        }

        public StepTiming ToTiming(WorkflowStep step)
        {
            lock (this)
            {
                return new StepTiming(step, _count, _failures, _count == 0 ? 0 : _totalMs / _count, _maxMs);
            }
        }
    }
}

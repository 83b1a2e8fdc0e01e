using System.Diagnostics;
using Microsoft.Extensions.Options;
using VibeCoder.Grains.Diagnostics;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// The silo's bound on carousel jobs accepted and not finished (<see cref="CarouselOptions.EffectiveMaxJobsInFlight"/>):
/// a new job is admitted only below it, so the queue in front of the renderer — and with it the latency of every
/// admitted job and the memory the jobs hold — stays bounded however many requests arrive. Work already accepted
/// (a workflow resumed after a crash, revived by a repeated start, or moved here from a silo that left) is always
/// taken, even above the bound: shedding applies to new work only. Thread-safe; lock-free on the admit path.
/// </summary>
public sealed class JobAdmission
{
    /// <summary>The wait suggested before any job has finished here to measure by.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan MinRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    private readonly Lock _durationLock = new();
    private int _inFlight;
    private double _recentJobSeconds;

    /// <summary>Creates the admission for the bound in <paramref name="options"/>.</summary>
    public JobAdmission(IOptions<CarouselOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Limit = options.Value.EffectiveMaxJobsInFlight;
    }

    /// <summary>The bound on new admissions.</summary>
    public int Limit { get; }

    /// <summary>Jobs accepted here and not finished (may exceed <see cref="Limit"/> by resumed work).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// The wait to suggest to a refused caller: the recent time from admission to finish (a moving average). At the bound
    /// that is, by Little's law, about the time the present backlog takes to drain. 1–60 s; 5 s before any job finished.
    /// </summary>
    public TimeSpan RetryAfter
    {
        get
        {
            double recent;
            lock (_durationLock)
            {
                recent = _recentJobSeconds;
            }

            return recent <= 0
                ? DefaultRetryAfter
                : TimeSpan.FromSeconds(Math.Clamp(Math.Ceiling(recent), MinRetryAfter.TotalSeconds, MaxRetryAfter.TotalSeconds));
        }
    }

    /// <summary>Admits a new job when fewer than <see cref="Limit"/> are in flight; otherwise null (shed it).</summary>
    public Ticket? TryAdmit()
    {
        var current = Volatile.Read(ref _inFlight);
        while (current < Limit)
        {
            var seen = Interlocked.CompareExchange(ref _inFlight, current + 1, current);
            if (seen == current)
            {
                CarouselTelemetry.JobsInFlightChanged(1);
                return new Ticket(this);
            }

            current = seen;
        }

        CarouselTelemetry.JobShed();
        return null;
    }

    /// <summary>Takes in work that was accepted before (resumed or revived), whatever the count.</summary>
    public Ticket Readmit()
    {
        Interlocked.Increment(ref _inFlight);
        CarouselTelemetry.JobsInFlightChanged(1);
        return new Ticket(this);
    }

    private void Leave(TimeSpan? finishedIn)
    {
        var left = Interlocked.Decrement(ref _inFlight);
        Debug.Assert(left >= 0, "A ticket was returned twice.");
        CarouselTelemetry.JobsInFlightChanged(-1);
        if (finishedIn is { } elapsed)
        {
            lock (_durationLock)
            {
                // A moving average over roughly the last ten jobs: recent enough to follow load, steady enough not to jump.
                _recentJobSeconds = _recentJobSeconds <= 0 ? elapsed.TotalSeconds : (0.9 * _recentJobSeconds) + (0.1 * elapsed.TotalSeconds);
            }
        }
    }

    /// <summary>One admitted job's place; returned once, when the job finishes or its activation goes.</summary>
    public sealed class Ticket
    {
        private readonly JobAdmission _admission;
        private readonly long _admittedAt = Stopwatch.GetTimestamp();
        private int _returned;

        internal Ticket(JobAdmission admission) => _admission = admission;

        /// <summary>The job finished: frees its place and counts its duration towards <see cref="RetryAfter"/>.</summary>
        public void Finished() => Return(Stopwatch.GetElapsedTime(_admittedAt));

        /// <summary>The job left this silo unfinished (refused, drained, interrupted): frees its place.</summary>
        public void Abandoned() => Return(null);

        private void Return(TimeSpan? finishedIn)
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                _admission.Leave(finishedIn);
            }
        }
    }
}

using Microsoft.Extensions.Options;
using VibeCoder.Grains.Diagnostics;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// Bounds how many slides this process draws at once (<see cref="CarouselOptions.RenderConcurrency"/>, the cores by
/// default): drawing is pure CPU, so more at once only adds memory and context switches, and a burst of jobs would
/// otherwise put cores × jobs drawings on the thread pool. Waiters queue roughly first come, first served, so the
/// slides of an earlier job are drawn before those of a later one. Thread-safe.
/// </summary>
public sealed class RenderLimiter
{
    private readonly SemaphoreSlim _slots;
    private int _active;
    private int _peakActive;

    /// <summary>Creates the limiter with <see cref="CarouselOptions.RenderConcurrency"/> slots.</summary>
    public RenderLimiter(IOptions<CarouselOptions> options)
    {
        Limit = options.Value.RenderConcurrency;
        _slots = new SemaphoreSlim(Limit, Limit);
    }

    /// <summary>Drawings allowed at once.</summary>
    public int Limit { get; }

    /// <summary>The most drawings seen under way at once since start (never above <see cref="Limit"/>).</summary>
    public int PeakActive => Volatile.Read(ref _peakActive);

    /// <summary>Waits for a slot (cancellable while waiting), then runs <paramref name="draw"/> on the caller's thread.</summary>
    public async Task<T> RunAsync<T>(Func<T> draw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draw);
        CarouselTelemetry.RenderWaitingChanged(1);
        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CarouselTelemetry.RenderWaitingChanged(-1);
        }

        try
        {
            var active = Interlocked.Increment(ref _active);
            CarouselTelemetry.RenderActiveChanged(1);
            RaisePeak(active);
            return draw();
        }
        finally
        {
            Interlocked.Decrement(ref _active);
            CarouselTelemetry.RenderActiveChanged(-1);
            _slots.Release();
        }
    }

    private void RaisePeak(int active)
    {
        var peak = Volatile.Read(ref _peakActive);
        while (active > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakActive, active, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }
}

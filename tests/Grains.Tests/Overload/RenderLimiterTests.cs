using Microsoft.Extensions.Options;
using VibeCoder.Grains.Carousels;

namespace VibeCoder.Grains.Tests.Overload;

public sealed class RenderLimiterTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RunAsync_AllSlotsBusy_WaitEndsOnCancellationWithoutDrawing()
    {
        var limiter = new RenderLimiter(Options.Create(new CarouselOptions { RenderConcurrency = 1 }));
        using var holding = new ManualResetEventSlim();
        var drawing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Task.Run(() => limiter.RunAsync(
            () =>
            {
                drawing.SetResult();
                holding.Wait(Timeout);
                return 1;
            },
            CancellationToken.None));
        await drawing.Task.WaitAsync(Timeout);

        using var cancellation = new CancellationTokenSource();
        var drewSecond = false;
        var second = limiter.RunAsync(() => drewSecond = true, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(Timeout));
        holding.Set();
        Assert.Equal(1, await first.WaitAsync(Timeout));
        Assert.False(drewSecond);
        Assert.Equal(1, limiter.PeakActive);
        Assert.True(await limiter.RunAsync(() => true, CancellationToken.None).WaitAsync(Timeout));
    }

    [Fact]
    public async Task RunAsync_ManyCallersOnTwoSlots_NeverMoreThanTwoDrawAtOnce()
    {
        var limiter = new RenderLimiter(Options.Create(new CarouselOptions { RenderConcurrency = 2 }));
        var inside = 0;
        var maxInside = 0;
        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(() => limiter.RunAsync(
            () =>
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                Thread.SpinWait(200_000); // CPU work standing in for a drawing
                Interlocked.Decrement(ref inside);
                return now;
            },
            CancellationToken.None)));

        await Task.WhenAll(callers).WaitAsync(Timeout);

        Assert.InRange(maxInside, 1, 2);
        Assert.InRange(limiter.PeakActive, 1, 2);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}

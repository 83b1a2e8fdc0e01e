using Microsoft.Extensions.DependencyInjection;
using VibeCoder.Runtime.Diagnostics;
using VibeCoder.Silo.Tests.Grains;
using VibeCoder.Silo.Tests.Support;

namespace VibeCoder.Silo.Tests;

/// <summary>Nothing is collected while nobody looks: profiling starts on a look and stops a minute after the last.</summary>
public sealed class ProfilingSwitchTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Profiling_NobodyLooksForTheIdleTimeout_SwitchesOffAndStopsCounting()
    {
        var clock = new ManualTimeProvider();
        await using var host = await TestHost.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var diagnostics = host.Services.GetRequiredService<ISiloDiagnostics>();
        var tally = host.Grains.GetGrain<ITallyGrain>(7);

        Assert.False(diagnostics.IsProfiling);
        await tally.Add(1, "unseen").WaitAsync(Timeout);
        Assert.Equal(0, Calls(diagnostics));

        diagnostics.KeepProfiling();
        await tally.Add(1, "seen").WaitAsync(Timeout);
        Assert.True(diagnostics.IsProfiling);
        Assert.Equal(1, Calls(diagnostics));

        clock.Advance(TimeSpan.FromSeconds(45));
        Assert.True(diagnostics.IsProfiling);
        diagnostics.KeepProfiling();
        clock.Advance(TimeSpan.FromSeconds(45));
        Assert.True(diagnostics.IsProfiling);
        Assert.NotEmpty(diagnostics.GetHistory(TimeSpan.FromMinutes(5)));

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(diagnostics.IsProfiling);
        await tally.Add(1, "unseen again").WaitAsync(Timeout);
        Assert.Equal(1, Calls(diagnostics));
    }

    [Fact]
    public async Task History_WhileProfiling_RecordsOneSamplePerSecondWithRates()
    {
        var clock = new ManualTimeProvider();
        await using var host = await TestHost.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var diagnostics = host.Services.GetRequiredService<ISiloDiagnostics>();
        diagnostics.KeepProfiling();

        for (var i = 0; i < 10; i++)
        {
            await host.Grains.GetGrain<ITallyGrain>(i).Get().WaitAsync(Timeout);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(2));
        var history = diagnostics.GetHistory(TimeSpan.FromMinutes(5));
        var overview = diagnostics.GetOverview();

        Assert.Equal(3, history.Count);
        Assert.Equal(10, history[0].CallsPerSecond);
        Assert.Equal(0, history[2].CallsPerSecond);
        Assert.True(history[0].MeanLatencyMs > 0);
        Assert.Equal(10 / 3.0, overview.CallsPerSecond, 3);
        Assert.Equal(0, overview.ErrorRate);
    }

    private static long Calls(ISiloDiagnostics diagnostics) =>
        diagnostics.GetGrainTypes().Single(t => t.GrainType == "tally").Calls.Calls;
}

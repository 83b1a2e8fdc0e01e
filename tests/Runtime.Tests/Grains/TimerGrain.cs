using VibeCoder.Runtime.Timers;

namespace VibeCoder.Runtime.Tests.Grains;

public sealed record TimerStats(int Ticks, int Violations, int Requests);

public interface ITimerGrain : IGrainWithStringKey
{
    Task Start(int periodMs);

    Task Work();

    Task Stop();

    Task<TimerStats> Stats();
}

public sealed class TimerGrain(LifecycleLog log) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _inside;
    private int _ticks;
    private int _violations;
    private int _requests;

    public Task Start(int periodMs)
    {
        _timer = RegisterGrainTimer(OnTickAsync, TimeSpan.FromMilliseconds(periodMs), TimeSpan.FromMilliseconds(periodMs));
        return Task.CompletedTask;
    }

    public async Task Work()
    {
        Enter();
        await Task.Yield();
        await Task.Yield();
        _requests++;
        _inside--;
    }

    public Task Stop()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<TimerStats> Stats() => Task.FromResult(new TimerStats(_ticks, _violations, _requests));

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        Enter();
        await Task.Yield();
        await Task.Yield();
        _ticks++;
        _inside--;
        log.Record(GrainId, "tick");
    }

    private void Enter()
    {
        if (++_inside > 1)
        {
            _violations++;
        }
    }
}

namespace VibeCoder.Runtime.Tests.Grains;

public interface IReentrantGateGrain : IGrainWithStringKey
{
    Task<int> WriteWait(string gate);
}

[Reentrant]
public sealed class ReentrantGateGrain(Gates gates, LifecycleLog log) : Grain, IReentrantGateGrain
{
    private int _inside;
    private int _max;

    public async Task<int> WriteWait(string gate)
    {
        _inside++;
        _max = Math.Max(_max, _inside);
        log.Record(GrainId, "entered:" + gate);
        await gates.WaitAsync(gate);
        _inside--;
        return _max;
    }
}

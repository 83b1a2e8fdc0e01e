using VibeCoder.Runtime;

namespace VibeCoder.Bench;

public interface IBenchGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);
}

/// <summary>The trivial grain every runtime scenario calls: the cost measured is the runtime's, not the grain's.</summary>
public sealed class BenchGrain : Grain, IBenchGrain
{
    private int _calls;

    public Task<int> Ping(int value)
    {
        _calls++;
        return Task.FromResult(value + 1);
    }
}

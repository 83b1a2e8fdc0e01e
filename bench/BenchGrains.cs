namespace VibeCoder.Bench;

/// <summary>The trivial grain <c>grain-calls</c> drives: the cost measured is the silo's, not the grain's.</summary>
[Alias("bench.IBenchGrain")]
internal interface IBenchGrain : IGrainWithIntegerKey
{
    /// <summary>Returns <paramref name="value"/> + 1.</summary>
    [Alias("Ping")]
    Task<int> Ping(int value);
}

/// <inheritdoc cref="IBenchGrain" />
internal sealed class BenchGrain : Grain, IBenchGrain
{
    private int _calls;

    public Task<int> Ping(int value)
    {
        _calls++;
        return Task.FromResult(value + 1);
    }
}

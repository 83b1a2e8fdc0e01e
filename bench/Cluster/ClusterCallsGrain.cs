namespace VibeCoder.Bench.Cluster;

/// <inheritdoc cref="IClusterCallsGrain" />
internal sealed class ClusterCallsGrain : Grain, IClusterCallsGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);

    public Task<string> Where() => Task.FromResult(RuntimeIdentity);
}

namespace VibeCoder.Bench.Cluster;

/// <summary>The trivial callee of <c>cluster-calls</c>: the cost measured is the path to it, not its work.</summary>
[Alias("bench.IClusterCallsGrain")]
internal interface IClusterCallsGrain : IGrainWithIntegerKey
{
    /// <summary>Returns <paramref name="value"/> + 1.</summary>
    [Alias("Ping")]
    Task<int> Ping(int value);

    /// <summary>The identity of the silo this activation lives on, to check that placement went where intended.</summary>
    [Alias("Where")]
    Task<string> Where();
}

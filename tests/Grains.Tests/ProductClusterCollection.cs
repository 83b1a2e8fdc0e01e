namespace VibeCoder.Grains.Tests;

/// <summary>The tests that share one <see cref="ProductCluster"/> (run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ProductClusterCollection : ICollectionFixture<ProductCluster>
{
    public const string Name = "product cluster";
}

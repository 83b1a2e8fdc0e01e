using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using VibeCoder.Grains.Carousels;
using VibeCoder.Grains.Carousels.EditLinks;
using static VibeCoder.Grains.Tests.ProductCluster;

namespace VibeCoder.Grains.Tests.Editing;

[Collection(ProductClusterCollection.Name)]
public sealed class EditLinkKeyTests(ProductCluster product)
{
    [Fact]
    public async Task EditLinkKey_AfterDeactivation_IsTheSameStoredKey()
    {
        var grain = product.Grains.GetGrain<IEditLinkKeyGrain>(0);
        var key = await grain.GetOrCreateKey().WaitAsync(TestTimeout);

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle().AsTask().WaitAsync(TestTimeout);
        var again = await grain.GetOrCreateKey().WaitAsync(TestTimeout);

        Assert.Equal(EditLinkKeyGrain.KeyBytes, key.Length);
        Assert.Equal(key, again);
    }

    [Fact]
    public async Task EditLinkSigner_WithoutSecret_LinkSignedOnOneSiloChecksOnTheOther()
    {
        var jobId = NewId();
        var first = product.Cluster.Silos[0].ServiceProvider.GetRequiredService<EditLinkSigner>();
        var second = product.Cluster.Silos[1].ServiceProvider.GetRequiredService<EditLinkSigner>();

        var link = await first.IssueAsync(jobId, "42").WaitAsync(TestTimeout);
        var check = await second.CheckAsync(jobId, link.Token).WaitAsync(TestTimeout);

        Assert.Equal(EditTokenStatus.Valid, check.Status);
        Assert.Equal("42", check.UserId);
    }
}

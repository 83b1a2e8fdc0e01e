using Orleans;

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// The cluster's key for signing edit links when <c>EDIT_LINK_SECRET</c> is not set: 32 random bytes made on first use
/// and kept in grain storage, so every silo and gateway of the cluster signs and checks with the same key, also after a
/// restart. One grain, key 0.
/// </summary>
[Alias("vc.IEditLinkKeyGrain")]
public interface IEditLinkKeyGrain : IGrainWithIntegerKey
{
    /// <summary>The key, made and stored on the first call.</summary>
    [Alias("GetOrCreateKey")]
    Task<byte[]> GetOrCreateKey();
}

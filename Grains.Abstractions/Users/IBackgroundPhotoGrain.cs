using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Users;

/// <summary>
/// One background photo (already downscaled to what a slide needs, as JPEG), stored durably in grain storage so every
/// silo can draw it, also after a restart. Key: the lower-case SHA-256 hex of the JPEG bytes, so equal photos are
/// stored once and a stored photo never changes. A sibling of <see cref="IBrandImageGrain"/> with a larger limit.
/// </summary>
[Alias("vc.IBackgroundPhotoGrain")]
public interface IBackgroundPhotoGrain : IGrainWithStringKey
{
    /// <summary>Stores the JPEG (idempotent).</summary>
    /// <exception cref="ArgumentException">The bytes do not hash to the grain's key, or exceed the size limit.</exception>
    [Alias("Store")]
    Task Store(byte[] jpeg);

    /// <summary>The JPEG, or null when nothing was stored under this hash.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<byte[]?> Get();
}

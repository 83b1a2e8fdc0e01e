using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Users;

/// <summary>
/// One brand image (a logo, already downscaled to PNG), stored durably in grain storage so every silo can draw it,
/// also after a restart. Key: the lower-case SHA-256 hex of the PNG bytes, so equal images are stored once and a
/// stored image never changes.
/// </summary>
[Alias("vc.IBrandImageGrain")]
public interface IBrandImageGrain : IGrainWithStringKey
{
    /// <summary>Stores the PNG (idempotent).</summary>
    /// <exception cref="ArgumentException">The bytes do not hash to the grain's key, or exceed the size limit.</exception>
    [Alias("Store")]
    Task Store(byte[] png);

    /// <summary>The PNG, or null when nothing was stored under this hash.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<byte[]?> Get();
}

using System.Collections.Frozen;

namespace VibeCoder.Rendering;

/// <summary>
/// The images a render may draw (a brand logo today; a background photo can use the same slot), looked up by the
/// lower-case SHA-256 hex that the design names. The caller fetches the bytes (from grain storage) before rendering,
/// so drawing stays synchronous and free of I/O. Immutable, so one instance may serve parallel renders.
/// </summary>
public sealed class SlideImages
{
    private readonly FrozenDictionary<string, byte[]> _byHash;

    /// <summary>Creates the set from hash → encoded image (PNG or JPEG).</summary>
    public SlideImages(IEnumerable<KeyValuePair<string, byte[]>> byHash)
    {
        ArgumentNullException.ThrowIfNull(byHash);
        _byHash = byHash.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>No images: anything a design names is left out of the slide.</summary>
    public static SlideImages None { get; } = new([]);

    /// <summary>The encoded image stored under <paramref name="hash"/>, or null.</summary>
    public byte[]? Find(string? hash) => hash is not null && _byHash.TryGetValue(hash, out byte[]? bytes) ? bytes : null;
}

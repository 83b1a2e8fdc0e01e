namespace VibeCoder.Grains.Users;

/// <summary>The persisted state of a <see cref="BrandImageGrain"/>: the PNG (base64 in the JSON state row).</summary>
public sealed record BrandImageState
{
    /// <summary>The image, or null before it was stored.</summary>
    public byte[]? Png { get; init; }
}

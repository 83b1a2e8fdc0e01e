namespace VibeCoder.Grains.Users;

/// <summary>The persisted state of a <see cref="BackgroundPhotoGrain"/>: the JPEG (base64 in the JSON state row).</summary>
public sealed record BackgroundPhotoState
{
    /// <summary>The photo, or null before it was stored.</summary>
    public byte[]? Jpeg { get; init; }
}

namespace VibeCoder.Grains.Sessions;

/// <summary>The persisted state of an <see cref="UpdateOffsetGrain"/>.</summary>
public sealed record UpdateOffsetState
{
    /// <summary>The next getUpdates offset, or null before the first update.</summary>
    public long? Offset { get; init; }
}

namespace VibeCoder.Grains.Carousels;

/// <summary>The persisted state of a <see cref="CarouselJobGrain"/>: the snapshot itself, once created.</summary>
public sealed record CarouselJobState
{
    /// <summary>The job, or null before <c>Create</c>.</summary>
    public CarouselJobSnapshot? Job { get; init; }
}

namespace VibeCoder.Grains.Carousels;

/// <summary>The persisted state of a <see cref="CarouselJobGrain"/>: the snapshot, once created, and the edits an undo can take back.</summary>
public sealed record CarouselJobState
{
    /// <summary>The job, or null before <c>Create</c>.</summary>
    public CarouselJobSnapshot? Job { get; init; }

    /// <summary>The edits an undo can take back, oldest first (at most <see cref="SlideEditor.MaxUndoDepth"/>).</summary>
    public IReadOnlyList<CarouselEditRecord> Edits { get; init; } = [];
}

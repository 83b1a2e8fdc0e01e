namespace VibeCoder.Grains.Carousels;

/// <summary>One stored edit of a finished carousel: what it did and the content before it, so an undo restores it exactly.</summary>
/// <param name="Edit">The edit.</param>
/// <param name="Before">The carousel's content before the edit.</param>
/// <param name="Revision">The revision the edit made.</param>
/// <param name="At">When it was applied.</param>
public sealed record CarouselEditRecord(SlideEdit Edit, CarouselContent Before, int Revision, DateTimeOffset At);

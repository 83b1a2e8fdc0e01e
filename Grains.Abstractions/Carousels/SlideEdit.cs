using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Carousels;

/// <summary>One change to one slide of a finished carousel, applied by <see cref="ICarouselJobGrain.EditSlide"/>.</summary>
/// <param name="Kind">What the edit does.</param>
/// <param name="Slide">The 1-based position of the slide it applies to.</param>
/// <param name="Heading">The new heading (<see cref="SlideEditKind.Text"/>, <see cref="SlideEditKind.Rewrite"/>); null keeps it.</param>
/// <param name="Body">The new body (<see cref="SlideEditKind.Text"/>, <see cref="SlideEditKind.Rewrite"/>); null keeps it.</param>
/// <param name="To">The 1-based position a <see cref="SlideEditKind.Move"/> puts the slide at.</param>
[GenerateSerializer, Immutable, Alias("vc.SlideEdit")]
public sealed record SlideEdit(SlideEditKind Kind, int Slide, string? Heading = null, string? Body = null, int? To = null)
{
    /// <summary>New words written by the user; null keeps that part.</summary>
    public static SlideEdit Text(int slide, string? heading, string? body) => new(SlideEditKind.Text, slide, heading, body);

    /// <summary>New words from the content generator.</summary>
    public static SlideEdit Rewrite(int slide, string heading, string body) => new(SlideEditKind.Rewrite, slide, heading, body);

    /// <summary>Takes slide <paramref name="slide"/> out.</summary>
    public static SlideEdit Remove(int slide) => new(SlideEditKind.Remove, slide);

    /// <summary>Moves slide <paramref name="slide"/> to position <paramref name="to"/>.</summary>
    public static SlideEdit Move(int slide, int to) => new(SlideEditKind.Move, slide, To: to);
}

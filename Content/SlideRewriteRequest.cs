using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content;

/// <summary>Which slide of which carousel to write anew.</summary>
/// <param name="Topic">The carousel's topic.</param>
/// <param name="Content">The carousel as it is now.</param>
/// <param name="Slide">The 1-based position of the slide to rewrite.</param>
/// <param name="Variant">Differs on each rewrite of the same carousel (its revision), so repeated rewrites read differently.</param>
public sealed record SlideRewriteRequest(string Topic, CarouselContent Content, int Slide, int Variant)
{
    /// <summary>The 0-based index of the slide, checked against the content.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The carousel has no such slide.</exception>
    public static int IndexIn(SlideRewriteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Slide, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Slide, request.Content.Slides.Count, nameof(request));
        return request.Slide - 1;
    }
}

using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content;

/// <summary>Writes one slide of an existing carousel anew ("rewrite this slide").</summary>
public interface ISlideRewriter
{
    /// <summary>A new heading and body for the slide <paramref name="request"/> names, of the same kind, in the carousel's language.</summary>
    /// <exception cref="ContentGenerationException">No new wording could be written; the message says why.</exception>
    Task<SlideContent> RewriteAsync(SlideRewriteRequest request, CancellationToken cancellationToken);
}

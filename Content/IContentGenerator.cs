using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content;

/// <summary>Writes the words of a carousel: slides, caption and hashtags.</summary>
/// <remarks>
/// Implementations are thread-safe singletons. The result always has exactly
/// <see cref="ContentRequest.SlideCount"/> slides, a <see cref="SlideKind.Cover"/> first and a
/// <see cref="SlideKind.CallToAction"/> last, and respects the limits of <see cref="CarouselContentValidator"/>.
/// </remarks>
public interface IContentGenerator
{
    /// <summary>A short name for logs and metrics, e.g. "offline" or "openai".</summary>
    string Name { get; }

    /// <summary>Writes a carousel for <paramref name="request"/>.</summary>
    /// <param name="request">The topic, slide count (3–20) and language ("ru", "en" or "auto").</param>
    /// <param name="cancellationToken">Cancels the generation.</param>
    /// <returns>Content that passes <see cref="CarouselContentValidator.Validate"/>.</returns>
    /// <exception cref="ArgumentException">The request is out of range (slide count, empty topic).</exception>
    /// <exception cref="ContentGenerationException">The content could not be written; the message says why.</exception>
    Task<CarouselContent> GenerateAsync(ContentRequest request, CancellationToken cancellationToken);
}

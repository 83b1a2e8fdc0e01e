using VibeCoder.Grains.Carousels;

namespace VibeCoder.Content;

/// <summary>Checks a <see cref="ContentRequest"/> the same way for every generator.</summary>
internal static class ContentRequestGuard
{
    /// <summary>Returns the request's topic normalised by <see cref="TopicText"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The slide count is outside 3–20.</exception>
    /// <exception cref="ArgumentException">The topic is empty, too short or too long.</exception>
    public static string NormalizedTopic(ContentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SlideCount is < CarouselContentValidator.MinSlides or > CarouselContentValidator.MaxSlides)
        {
            throw new ArgumentOutOfRangeException(
                nameof(request),
                request.SlideCount,
                $"The slide count must be between {CarouselContentValidator.MinSlides} and {CarouselContentValidator.MaxSlides}.");
        }

        if (!TopicText.TryNormalize(request.Topic, out var topic, out var error))
        {
            throw new ArgumentException(error, nameof(request));
        }

        return topic;
    }
}

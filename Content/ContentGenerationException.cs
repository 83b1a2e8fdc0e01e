namespace VibeCoder.Content;

/// <summary>Carousel content could not be written; the message says why in words a user can be shown.</summary>
/// <remarks>Messages never contain the API key or the raw response of the AI service.</remarks>
public sealed class ContentGenerationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="isTransient">True when trying again later may succeed (service unavailable, timeouts).</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ContentGenerationException(string message, bool isTransient = false, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>True when trying again later may succeed (the AI service was unavailable or slow).</summary>
    public bool IsTransient { get; }

    /// <summary>
    /// How long the AI service asked to be left alone before the next try, when known: the open circuit breaker's
    /// remaining break, or a 429/5xx answer's Retry-After. Null when unknown (the caller backs off on its own).
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }
}

namespace VibeCoder.Grains.Carousels;

/// <summary>
/// Thrown by <see cref="ICarouselDelivery.DeliverAsync"/> when the destination asked to be left alone until
/// <see cref="RetryAt"/> (Telegram's flood control): nothing more can be sent before then, so the workflow's retry of
/// the step waits at least that long instead of its usual backoff.
/// </summary>
public sealed class DeliveryDeferredException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeliveryDeferredException(DateTimeOffset retryAt, string message, Exception innerException)
        : base(message, innerException)
    {
        RetryAt = retryAt;
    }

    /// <summary>The earliest time the delivery may be tried again.</summary>
    public DateTimeOffset RetryAt { get; }
}

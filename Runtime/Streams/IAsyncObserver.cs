namespace VibeCoder.Runtime.Streams;

/// <summary>
/// Receives a stream's items one at a time, in stream order. An object subscribed with
/// <see cref="IAsyncStream{T}.SubscribeAsync(IAsyncObserver{T}, StreamSequenceToken?, CancellationToken)"/>, a grain
/// whose interface extends this one (subscribed through a reference), or a grain class with
/// <see cref="ImplicitStreamSubscriptionAttribute"/>. Orleans: <c>IAsyncObserver&lt;T&gt;</c>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// Delivery is at least once: after a failure or a crash an item may arrive again (with the same token), so a
/// handler should be idempotent. A handler that throws is retried with backoff; after the provider's
/// <see cref="StreamOptions.MaxDeliveryAttempts"/> the item goes to the dead-letter list and the stream moves on.
/// </remarks>
public interface IAsyncObserver<T>
{
    /// <summary>Handles the next item of the stream.</summary>
    /// <param name="item">The item.</param>
    /// <param name="token">Its position in the stream.</param>
    Task OnNextAsync(T item, StreamSequenceToken token);

    /// <summary>
    /// Called when an item is given up on and moved to the dead-letter list, after the last failed
    /// <see cref="OnNextAsync"/>. Default: nothing. Not called for grain subscribers.
    /// </summary>
    /// <param name="exception">The last failure.</param>
    Task OnErrorAsync(Exception exception) => Task.CompletedTask;
}

namespace VibeCoder.Runtime.Streams;

/// <summary>
/// One stream of a provider: publish to it, subscribe to it, find its subscriptions. Orleans: <c>IAsyncStream&lt;T&gt;</c>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public interface IAsyncStream<T>
{
    /// <summary>The stream's identity.</summary>
    StreamId Id { get; }

    /// <summary>The name of the provider the stream belongs to.</summary>
    string ProviderName { get; }

    /// <summary>
    /// Appends an item. On a durable provider the task completes once the item is committed to the database (an
    /// acknowledged item is never lost); delivery to subscribers happens afterwards, asynchronously. The caller's
    /// <see cref="RequestContext"/> is stored with the item and restored around each delivery.
    /// </summary>
    /// <param name="item">The item; not null.</param>
    /// <param name="cancellationToken">Cancels waiting to enqueue; once the item is queued for the database it may still be written.</param>
    Task OnNextAsync(T item, CancellationToken cancellationToken = default);

    /// <summary>Appends several items in one commit, in list order (consecutive sequence numbers).</summary>
    /// <param name="items">The items; none null.</param>
    /// <param name="cancellationToken">As for <see cref="OnNextAsync"/>.</param>
    Task OnNextBatchAsync(IReadOnlyList<T> items, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes an observer. Without <paramref name="from"/> it receives items published after this call; with it,
    /// every retained item from that sequence number on (replay), then new ones. A grain reference whose interface
    /// extends <see cref="IAsyncObserver{T}"/> subscribes that grain: deliveries activate it, and on a durable provider
    /// the subscription survives restarts. Any other observer is an in-process object: on a durable provider its
    /// subscription and position survive a restart too, but deliveries wait until the handle is resumed with a new
    /// observer (<see cref="StreamSubscriptionHandle{T}.ResumeAsync"/>).
    /// </summary>
    /// <param name="observer">The observer or grain reference.</param>
    /// <param name="from">The first position to deliver, or null for "from now".</param>
    /// <param name="cancellationToken">Cancels the subscription's creation.</param>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, StreamSequenceToken? from = null, CancellationToken cancellationToken = default);

    /// <summary>Subscribes from the first retained item published at or after <paramref name="from"/> (replay by time).</summary>
    /// <param name="observer">The observer or grain reference.</param>
    /// <param name="from">The earliest publication time to deliver.</param>
    /// <param name="cancellationToken">Cancels the subscription's creation.</param>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, DateTimeOffset from, CancellationToken cancellationToken = default);

    /// <summary>The explicit subscriptions of this stream (on a durable provider including those made before a restart).</summary>
    Task<IReadOnlyList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandlesAsync(CancellationToken cancellationToken = default);
}

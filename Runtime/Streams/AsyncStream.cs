namespace VibeCoder.Runtime.Streams;

/// <summary>The <see cref="IAsyncStream{T}"/> of a <see cref="StreamProvider"/>: a stream id bound to its provider.</summary>
internal sealed class AsyncStream<T>(StreamProvider provider, StreamId id) : IAsyncStream<T>
{
    public StreamId Id { get; } = id;

    public string ProviderName => provider.Name;

    public Task OnNextAsync(T item, CancellationToken cancellationToken = default) =>
        provider.PublishAsync<T>(Id, [item], cancellationToken);

    public Task OnNextBatchAsync(IReadOnlyList<T> items, CancellationToken cancellationToken = default) =>
        provider.PublishAsync(Id, items, cancellationToken);

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, StreamSequenceToken? from = null, CancellationToken cancellationToken = default) =>
        provider.SubscribeAsync(Id, observer, new StartPosition(from, null), cancellationToken);

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, DateTimeOffset from, CancellationToken cancellationToken = default) =>
        provider.SubscribeAsync(Id, observer, new StartPosition(null, from), cancellationToken);

    public Task<IReadOnlyList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandlesAsync(CancellationToken cancellationToken = default) =>
        provider.GetHandlesAsync<T>(Id, cancellationToken);

    public override string ToString() => $"{provider.Name}:{Id}";
}

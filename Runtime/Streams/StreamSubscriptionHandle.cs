namespace VibeCoder.Runtime.Streams;

/// <summary>
/// An explicit subscription to one stream. Valid until unsubscribed; on a durable provider it outlives the process
/// (find it again with <see cref="IAsyncStream{T}.GetAllSubscriptionHandlesAsync"/>). Equal to any other handle of the
/// same subscription. Orleans: <c>StreamSubscriptionHandle&lt;T&gt;</c>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class StreamSubscriptionHandle<T> : IEquatable<StreamSubscriptionHandle<T>>
{
    private readonly StreamProvider _provider;

    internal StreamSubscriptionHandle(StreamProvider provider, StreamId streamId, Guid handleId, bool isGrainSubscription)
    {
        _provider = provider;
        StreamId = streamId;
        HandleId = handleId;
        IsGrainSubscription = isGrainSubscription;
    }

    /// <summary>The subscription's identity.</summary>
    public Guid HandleId { get; }

    /// <summary>The stream subscribed to.</summary>
    public StreamId StreamId { get; }

    /// <summary>The name of the stream's provider.</summary>
    public string ProviderName => _provider.Name;

    /// <summary>Whether a grain (rather than an in-process object) receives the items.</summary>
    public bool IsGrainSubscription { get; }

    /// <summary>
    /// Attaches <paramref name="observer"/> (an object or a grain reference) to this subscription, replacing the
    /// previous one. Without <paramref name="from"/> delivery continues after the last item the subscription
    /// completed; with it, delivery rewinds (or skips) to that sequence number.
    /// </summary>
    /// <returns>This handle.</returns>
    /// <exception cref="InvalidOperationException">The subscription was removed.</exception>
    public async Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer, StreamSequenceToken? from = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var isGrain = await _provider.ResumeAsync(StreamId, HandleId, observer, from, cancellationToken).ConfigureAwait(false);
        return isGrain == IsGrainSubscription ? this : new StreamSubscriptionHandle<T>(_provider, StreamId, HandleId, isGrain);
    }

    /// <summary>Removes the subscription: no more deliveries, its position is forgotten. Idempotent.</summary>
    public Task UnsubscribeAsync(CancellationToken cancellationToken = default) =>
        _provider.UnsubscribeAsync(StreamId, HandleId, cancellationToken);

    /// <inheritdoc />
    public bool Equals(StreamSubscriptionHandle<T>? other) =>
        other is not null && HandleId == other.HandleId && ProviderName == other.ProviderName;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StreamSubscriptionHandle<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HandleId.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"{ProviderName}:{StreamId}#{HandleId:N}";
}

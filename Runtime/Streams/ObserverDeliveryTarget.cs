namespace VibeCoder.Runtime.Streams;

/// <summary>Delivers to an in-process <see cref="IAsyncObserver{T}"/>, awaiting each item before the next.</summary>
internal sealed class ObserverDeliveryTarget<T>(StreamProvider provider, IAsyncObserver<T> observer) : IDeliveryTarget
{
    public string Description => observer.GetType().Name;

    public bool IsGrain => false;

    // Async so that the request context set here stays in this method's flow and never leaks into the caller's.
    public async Task DeliverAsync(StreamEvent streamEvent)
    {
        var item = provider.ConvertItem<T>(streamEvent);
        RequestContext.Import(DeliveryContext.For(streamEvent.Headers, item));
        await observer.OnNextAsync(item, streamEvent.Token).ConfigureAwait(false);
    }

    public Task OnGivenUpAsync(Exception exception) => observer.OnErrorAsync(exception);
}

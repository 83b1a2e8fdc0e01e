namespace VibeCoder.Runtime.Streams;

/// <summary>
/// Delivers to a grain that implements <see cref="IAsyncObserver{T}"/>: each item is one turn of the grain's activation
/// (activating it if needed), never interleaved with its requests, subject to the silo's call timeout.
/// </summary>
internal sealed class GrainDeliveryTarget<T>(StreamProvider provider, GrainId grain) : IDeliveryTarget
{
    private const string TurnName = "IAsyncObserver.OnNextAsync";

    public string Description => grain.ToString();

    public bool IsGrain => true;

    // Async so that the request context set here (captured by InvokeAsync) never leaks into the caller's flow.
    public async Task DeliverAsync(StreamEvent streamEvent)
    {
        var item = provider.ConvertItem<T>(streamEvent);
        var token = streamEvent.Token;
        RequestContext.Import(DeliveryContext.For(streamEvent.Headers, item));
        await provider.Runtime.InvokeAsync(grain, TurnName, target => ((IAsyncObserver<T>)target).OnNextAsync(item, token)).ConfigureAwait(false);
    }

    public Task OnGivenUpAsync(Exception exception) => Task.CompletedTask;
}

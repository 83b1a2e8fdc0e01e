using VibeCoder.Runtime.Streams;

namespace VibeCoder.Silo.Tests.Grains;

/// <summary>An implicit subscriber of the "echo" namespace: the Streams view's subject.</summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class EchoGrain(StreamSignals signals) : Grain, IEchoGrain, IAsyncObserver<string>
{
    public const string Namespace = "echo";

    private int _received;

    public Task<int> Received() => Task.FromResult(_received);

    public Task OnNextAsync(string item, StreamSequenceToken token)
    {
        _received++;
        signals.Delivered(item);
        return Task.CompletedTask;
    }
}

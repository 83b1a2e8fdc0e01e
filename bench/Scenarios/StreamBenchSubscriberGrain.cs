using Orleans.Streams;

namespace VibeCoder.Bench.Scenarios;

/// <summary>One per stream of the <see cref="Namespace"/> namespace, implicitly subscribed: hands each item to the probe.</summary>
[ImplicitStreamSubscription(Namespace)]
internal sealed class StreamBenchSubscriberGrain(StreamBenchProbe probe) : Grain, IGrainWithStringKey
{
    /// <summary>The stream namespace the grain subscribes to.</summary>
    public const string Namespace = "bench";

    /// <summary>The stream provider the scenario registers.</summary>
    public const string Provider = "bench";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(Provider).GetStream<StreamBenchEvent>(StreamId.Create(Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((item, _) =>
        {
            probe.OnDelivered(item);
            return Task.CompletedTask;
        });
    }
}

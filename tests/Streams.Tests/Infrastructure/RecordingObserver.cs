using VibeCoder.Runtime;
using VibeCoder.Runtime.Streams;
using VibeCoder.Streams.Tests.Grains;

namespace VibeCoder.Streams.Tests.Infrastructure;

/// <summary>An in-process observer that records what it receives under a name.</summary>
public sealed class RecordingObserver(DeliveryLog log, string subscriber, StreamId stream, int generation = 0) : IAsyncObserver<TestEvent>
{
    public async Task OnNextAsync(TestEvent item, StreamSequenceToken token)
    {
        await log.HoldIfAskedAsync(subscriber, item);
        log.Record(new Delivery(subscriber, stream, token.SequenceNumber, item, RequestContext.Snapshot(), generation) { Timestamp = token.Timestamp });
    }
}

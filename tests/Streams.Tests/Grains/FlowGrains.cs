using VibeCoder.Grains.Events;
using VibeCoder.Runtime;
using VibeCoder.Runtime.Streams;
using VibeCoder.Streams.Tests.Infrastructure;

namespace VibeCoder.Streams.Tests.Grains;

public interface IFlowStarterGrain : IGrainWithStringKey
{
    /// <summary>Publishes carousel.generate.requested for job = this grain's key; returns the envelope.</summary>
    Task<EventEnvelope> Start(string topic);
}

/// <summary>Grain A of the correlation flow: publishes the first event from inside a grain call.</summary>
public sealed class FlowStarterGrain : Grain, IFlowStarterGrain
{
    public async Task<EventEnvelope> Start(string topic)
    {
        var jobId = GetPrimaryKeyString();
        var envelope = EventEnvelope.Create("carousel-job", new CarouselGenerateRequested(jobId, "user-7", topic, 5, "dark", "en"));
        await this.GetStreamProvider(TestSilo.Provider).GetStream<EventEnvelope>(EventNamespaces.Carousel, jobId).OnNextAsync(envelope);
        return envelope;
    }
}

/// <summary>Grain B: implicitly subscribed to "carousel"; answers a request with a follow-up event on "workflow".</summary>
[ImplicitStreamSubscription(EventNamespaces.Carousel)]
public sealed class FlowStepGrain(DeliveryLog log, SiloGeneration generation) : Grain, IFlowStepGrain, IAsyncObserver<EventEnvelope>
{
    public const string Subscriber = "flow-step";

    public Task<int> Ping() => Task.FromResult(1);

    public async Task OnNextAsync(EventEnvelope item, StreamSequenceToken token)
    {
        log.Record(new Delivery(Subscriber, new StreamId(EventNamespaces.Carousel, GetPrimaryKeyString()), token.SequenceNumber, item, RequestContext.Snapshot(), generation.Value));
        if (item.Is<CarouselGenerateRequested>())
        {
            var request = item.ReadData<CarouselGenerateRequested>();
            // No causedBy: the correlation and causation come from the request context the delivery restored.
            var followUp = EventEnvelope.Create("workflow", new WorkflowStarted(request.JobId, "carousel", request.JobId));
            await this.GetStreamProvider(TestSilo.Provider).GetStream<EventEnvelope>(EventNamespaces.Workflow, request.JobId).OnNextAsync(followUp);
        }
    }
}

/// <summary>Grain C: implicitly subscribed to "workflow"; records what arrives and the context it ran with.</summary>
[ImplicitStreamSubscription(EventNamespaces.Workflow)]
public sealed class FlowEndGrain(DeliveryLog log, SiloGeneration generation) : Grain, IFlowEndGrain, IAsyncObserver<EventEnvelope>
{
    public const string Subscriber = "flow-end";

    public Task<int> Ping() => Task.FromResult(1);

    public Task OnNextAsync(EventEnvelope item, StreamSequenceToken token)
    {
        log.Record(new Delivery(Subscriber, new StreamId(EventNamespaces.Workflow, GetPrimaryKeyString()), token.SequenceNumber, item, RequestContext.Snapshot(), generation.Value));
        return Task.CompletedTask;
    }
}

/// <summary>Grain B's interface (it is only ever reached through streams).</summary>
public interface IFlowStepGrain : IGrainWithStringKey
{
    Task<int> Ping();
}

/// <summary>Grain C's interface (it is only ever reached through streams).</summary>
public interface IFlowEndGrain : IGrainWithStringKey
{
    Task<int> Ping();
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using VibeCoder.Persistence.Journal;

namespace VibeCoder.Grains.Events;

/// <summary>
/// Appends every domain event to the event journal (an append-only table beside grain state), so a job's whole
/// story can be read back although the stream queue forgets delivered events. One activation per stream key (a job
/// or a user id) subscribes implicitly to every event namespace of that key.
/// </summary>
/// <remarks>
/// Delivery is at least once; the journal keeps one row per event id, so a repeat is harmless. A failed append is
/// rethrown: the stream delivers the event again later and, after its attempts, keeps it as a dead letter.
/// </remarks>
[ImplicitStreamSubscription(EventNamespaces.User)]
[ImplicitStreamSubscription(EventNamespaces.Carousel)]
[ImplicitStreamSubscription(EventNamespaces.Ai)]
[ImplicitStreamSubscription(EventNamespaces.Data)]
[ImplicitStreamSubscription(EventNamespaces.Analytics)]
[ImplicitStreamSubscription(EventNamespaces.Health)]
[ImplicitStreamSubscription(EventNamespaces.Workflow)]
internal sealed partial class EventJournalGrain(IServiceProvider services, ILogger<EventJournalGrain> logger) : Grain, IGrainWithStringKey
{
    // Absent with STORAGE=memory: there is no table to append to, and events are then only streamed.
    private readonly IEventJournal? _journal = services.GetService<IEventJournal>();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var provider = this.GetStreamProvider(DomainEventStreams.ProviderName);
        var key = this.GetPrimaryKeyString();
        foreach (var ns in EventNamespaces.All)
        {
            await provider.GetStream<EventEnvelope>(StreamId.Create(ns, key)).SubscribeAsync(OnNextAsync);
        }
    }

    private async Task OnNextAsync(EventEnvelope envelope, StreamSequenceToken? token)
    {
        if (_journal is null)
        {
            return;
        }

        await _journal.AppendAsync(
            new JournalEntry(
                envelope.Id,
                envelope.Type,
                envelope.Timestamp,
                envelope.Source,
                envelope.Data.GetRawText(),
                envelope.Metadata.CorrelationId,
                envelope.Metadata.CausationId,
                envelope.Metadata.UserId),
            CancellationToken.None);
        Log.Appended(logger, envelope.Type, envelope.Id);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Trace, "Journal: {EventType} {EventId}")]
        public static partial void Appended(ILogger logger, string eventType, string eventId);
    }
}

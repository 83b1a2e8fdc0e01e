using Orleans;
using VibeCoder.Grains.Carousels;
using VibeCoder.Persistence.Journal;
using VibeCoder.Silo.Diagnostics.Ops;

namespace VibeCoder.Silo.Hosting.Ops;

/// <summary>One job's story for the ops page: the journal's events with the job's correlation id, oldest first.</summary>
internal sealed class JournalForOps(IEventJournal journal, IGrainFactory grains) : IOpsJournal
{
    public async Task<IReadOnlyList<OpsJournalEntry>> ReadJobAsync(string jobId, int limit, CancellationToken cancellationToken)
    {
        var job = await grains.GetGrain<ICarouselJobGrain>(jobId).Get().WaitAsync(cancellationToken);
        if (job?.CorrelationId is not { } correlationId)
        {
            return [];
        }

        var entries = await journal.QueryAsync(new JournalQuery(correlationId, null, null, null, limit), cancellationToken);
        return [.. entries.Select(e => new OpsJournalEntry(e.Id, e.Type, e.Timestamp, e.Source, e.CorrelationId, e.CausationId, e.Data))];
    }
}

using System.Collections.Concurrent;
using VibeCoder.Silo.Diagnostics.Ops;

namespace VibeCoder.Silo.Tests.Support;

/// <summary>A hand-written event journal standing in for the storage's own (not written yet).</summary>
public sealed class InMemoryJournal : IOpsJournal
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<OpsJournalEntry>> _byJob = new();

    public void Append(string jobId, OpsJournalEntry entry) => _byJob.GetOrAdd(jobId, _ => new()).Enqueue(entry);

    public Task<IReadOnlyList<OpsJournalEntry>> ReadJobAsync(string jobId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OpsJournalEntry>>(_byJob.TryGetValue(jobId, out var entries) ? [.. entries.Take(limit)] : []);
}

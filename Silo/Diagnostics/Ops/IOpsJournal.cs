namespace VibeCoder.Silo.Diagnostics.Ops;

/// <summary>
/// The event journal the ops page reads for one carousel job: every domain event recorded for it. The storage that
/// keeps the journal registers an implementation (a singleton); without one the page's section says the feature is
/// not available on this storage.
/// </summary>
public interface IOpsJournal
{
    /// <summary>The events recorded for <paramref name="jobId"/>, oldest first, at most <paramref name="limit"/> (1–1,000); empty when none.</summary>
    Task<IReadOnlyList<OpsJournalEntry>> ReadJobAsync(string jobId, int limit, CancellationToken cancellationToken);
}

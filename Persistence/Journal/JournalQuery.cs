namespace VibeCoder.Persistence.Journal;

/// <summary>A filter over the journal; null criteria match everything. Results come oldest first.</summary>
/// <param name="CorrelationId">Only events of this correlation id.</param>
/// <param name="Type">Only events of this type.</param>
/// <param name="From">Only events at or after this time.</param>
/// <param name="To">Only events before this time.</param>
/// <param name="Limit">At most this many events (1 to 10,000).</param>
public sealed record JournalQuery(string? CorrelationId, string? Type, DateTimeOffset? From, DateTimeOffset? To, int Limit)
{
    /// <summary>The largest <see cref="Limit"/> accepted.</summary>
    public const int MaxLimit = 10_000;
}

namespace VibeCoder.Persistence.Streams;

/// <summary>A stream message that used up its delivery attempts or expired, as kept in the dead-letter table.</summary>
/// <param name="MessageId">The message's id: the key to re-drive it with.</param>
/// <param name="ProviderName">The stream provider it was queued on.</param>
/// <param name="QueueId">The provider's queue it was in.</param>
/// <param name="Attempts">How many times it was leased for delivery.</param>
/// <param name="CreatedOn">When it was queued (UTC).</param>
/// <param name="DeadOn">When it went to dead letters (UTC).</param>
/// <param name="RemoveOn">When it will be purged (UTC).</param>
/// <param name="PayloadBytes">The size of its payload (the batch as Orleans serialized it).</param>
public sealed record DeadLetter(
    long MessageId,
    string ProviderName,
    string QueueId,
    int Attempts,
    DateTime CreatedOn,
    DateTime DeadOn,
    DateTime RemoveOn,
    int PayloadBytes);

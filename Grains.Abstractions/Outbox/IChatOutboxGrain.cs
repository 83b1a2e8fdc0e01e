using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Outbox;

/// <summary>
/// The replies a Telegram chat is owed while Telegram cannot take them (5xx, unreachable, flood control). Key: the chat
/// id. Replies go to Telegram directly while the outbox is empty; once a send fails, that reply and every later reply of
/// the chat are queued here, durably, and sent in order when Telegram answers again.
/// </summary>
[Alias("vc.IChatOutboxGrain")]
public interface IChatOutboxGrain : IGrainWithIntegerKey
{
    /// <summary>How many messages wait; zero means replies may go to Telegram directly.</summary>
    [ReadOnly]
    [AlwaysInterleave]
    [Alias("GetBacklog")]
    Task<int> GetBacklog();

    /// <summary>
    /// Appends <paramref name="messages"/> (in order) after whatever waits, skipping keys already queued, and stores them
    /// before returning. Sending starts after <paramref name="notBefore"/> when given (Telegram's retry_after), else
    /// after a short backoff.
    /// </summary>
    /// <returns>The backlog after the append.</returns>
    [Alias("Enqueue")]
    Task<int> Enqueue(IReadOnlyList<OutgoingMessage> messages, DateTimeOffset? notBefore);

    /// <summary>The outbox as it is now.</summary>
    [ReadOnly]
    [AlwaysInterleave]
    [Alias("GetSnapshot")]
    Task<OutboxSnapshot> GetSnapshot();

    /// <summary>
    /// Returns the snapshot as soon as its version differs from <paramref name="knownVersion"/>, or after
    /// <paramref name="maxWait"/> (at most <see cref="MaxWait"/>) with the unchanged one: a long poll for watchers.
    /// </summary>
    [ReadOnly]
    [AlwaysInterleave]
    [Alias("WaitForChange")]
    Task<OutboxSnapshot> WaitForChange(long knownVersion, TimeSpan maxWait);

    /// <summary>The longest <see cref="WaitForChange"/> waits, below Orleans' default response timeout.</summary>
    static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);
}

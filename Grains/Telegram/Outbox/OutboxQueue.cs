using VibeCoder.Grains.Outbox;

namespace VibeCoder.Grains.Telegram.Outbox;

/// <summary>The queue rules of a chat's outbox, as pure functions over its state: append with de-duplication and a bound, expiry.</summary>
internal static class OutboxQueue
{
    /// <summary>
    /// Appends <paramref name="messages"/> in order with the next sequence numbers, skipping keys already queued (the
    /// same reply of an update handled again); when more than <paramref name="limit"/> wait, the oldest go.
    /// </summary>
    public static (ChatOutboxState Next, int Added, IReadOnlyList<OutboxEntry> Overflow) Append(
        ChatOutboxState state, IReadOnlyList<OutgoingMessage> messages, DateTimeOffset now, int limit)
    {
        var keys = state.Pending.Select(entry => entry.Message.Key).ToHashSet(StringComparer.Ordinal);
        var sequence = state.NextSequence;
        var added = messages.Where(message => keys.Add(message.Key)).Select(message => new OutboxEntry(sequence++, message, now)).ToList();
        List<OutboxEntry> pending = [.. state.Pending, .. added];

        // A chat this far behind has lost the thread anyway; the newest replies matter most.
        var overflow = pending.Count > limit ? pending.GetRange(0, pending.Count - limit) : [];
        pending.RemoveRange(0, overflow.Count);
        return (state with { Pending = pending, NextSequence = sequence }, added.Count, overflow);
    }

    /// <summary>Drops the messages queued more than <paramref name="maxAge"/> before <paramref name="now"/>.</summary>
    public static (ChatOutboxState Next, IReadOnlyList<OutboxEntry> Expired) WithoutExpired(ChatOutboxState state, DateTimeOffset now, TimeSpan maxAge)
    {
        var expired = state.Pending.Where(entry => now - entry.QueuedAt > maxAge).ToList();
        return expired.Count == 0
            ? (state, expired)
            : (state with { Pending = [.. state.Pending.Where(entry => now - entry.QueuedAt <= maxAge)] }, expired);
    }
}

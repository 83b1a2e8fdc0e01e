using VibeCoder.Grains.Outbox;

namespace VibeCoder.Grains.Telegram.Outbox;

/// <summary>The persisted state of a <see cref="ChatOutboxGrain"/>.</summary>
public sealed record ChatOutboxState
{
    /// <summary>The sequence number the next queued message gets.</summary>
    public long NextSequence { get; init; }

    /// <summary>Messages waiting, in sequence order (the order they must reach the chat).</summary>
    public IReadOnlyList<OutboxEntry> Pending { get; init; } = [];

    /// <summary>No attempt before this time: Telegram's retry_after for this chat.</summary>
    public DateTimeOffset? NotBefore { get; init; }
}

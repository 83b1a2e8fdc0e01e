using VibeCoder.Grains.Outbox;

namespace VibeCoder.Grains.Telegram.Outbox;

/// <summary>A queued message.</summary>
/// <param name="Sequence">Its place in the chat's queue.</param>
/// <param name="Message">What to send.</param>
/// <param name="QueuedAt">When it was queued; it expires <see cref="ChatOutboxOptions.MaxAge"/> later.</param>
public sealed record OutboxEntry(long Sequence, OutgoingMessage Message, DateTimeOffset QueuedAt);

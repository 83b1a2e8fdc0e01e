using Orleans;
using Orleans.Concurrency;

namespace VibeCoder.Grains.Outbox;

/// <summary>What a chat's outbox holds now.</summary>
/// <param name="ChatId">The chat.</param>
/// <param name="Version">Grows with every change (a message queued, sent or dropped).</param>
/// <param name="Pending">Keys of the messages waiting, oldest first.</param>
/// <param name="NotBefore">No attempt before this time (Telegram's retry_after), if set.</param>
/// <param name="Sent">Messages sent from the queue since the grain was activated.</param>
/// <param name="Dropped">Messages dropped since the grain was activated (too many, too old, refused, or the user blocked the bot).</param>
[GenerateSerializer, Immutable, Alias("vc.OutboxSnapshot")]
public sealed record OutboxSnapshot(long ChatId, long Version, IReadOnlyList<string> Pending, DateTimeOffset? NotBefore, int Sent, int Dropped);

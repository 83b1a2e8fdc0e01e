namespace VibeCoder.Runtime.Streams;

/// <summary>One subscription of a <see cref="StreamSnapshot"/>.</summary>
/// <param name="Subscriber">A handle id, or <c>implicit:&lt;grain type&gt;</c>.</param>
/// <param name="Kind">"implicit", "grain" or "observer".</param>
/// <param name="Target">Who receives the items (grain id or observer type), or null while detached.</param>
/// <param name="Position">The last item it completed.</param>
/// <param name="Lag">How many items it is behind the head.</param>
/// <param name="Attached">False for an observer subscription restored after a restart and not yet resumed.</param>
public sealed record StreamSubscriptionSnapshot(string Subscriber, string Kind, string? Target, long Position, long Lag, bool Attached);

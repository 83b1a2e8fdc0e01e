namespace VibeCoder.Runtime.Streams;

/// <summary>One stream in a <see cref="StreamProviderSnapshot"/>.</summary>
/// <param name="Id">The stream.</param>
/// <param name="Head">The newest sequence number this process knows of.</param>
/// <param name="Subscriptions">Its subscriptions (implicit and explicit).</param>
public sealed record StreamSnapshot(StreamId Id, long Head, IReadOnlyList<StreamSubscriptionSnapshot> Subscriptions);

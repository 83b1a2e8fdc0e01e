namespace VibeCoder.Runtime.Streams;

/// <summary>An explicit subscription as a stream log keeps it.</summary>
/// <param name="HandleId">The subscription's identity.</param>
/// <param name="Stream">The stream.</param>
/// <param name="Grain">The subscribed grain, or null for an in-process observer.</param>
/// <param name="GrainInterface">The assembly-qualified grain interface the reference was made with, or null.</param>
/// <param name="ItemType">The assembly-qualified item type the subscription was made for.</param>
/// <param name="CreatedAt">When it was made.</param>
internal sealed record StoredSubscription(Guid HandleId, StreamId Stream, GrainId? Grain, string? GrainInterface, string ItemType, DateTimeOffset CreatedAt)
{
    /// <summary>The checkpoint's subscriber name.</summary>
    public string Subscriber => SubscriberNames.Explicit(HandleId);
}

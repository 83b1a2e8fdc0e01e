namespace VibeCoder.Runtime.Streams;

/// <summary>An item a subscriber failed on <see cref="StreamOptions.MaxDeliveryAttempts"/> times; the stream moved on without it.</summary>
/// <param name="Stream">The stream.</param>
/// <param name="SequenceNumber">The item's position.</param>
/// <param name="Subscriber">The subscriber: a handle id, or <c>implicit:&lt;grain type&gt;</c>.</param>
/// <param name="Attempts">How many deliveries were tried.</param>
/// <param name="Error">The last exception's type and message.</param>
/// <param name="FailedAt">When it was given up on.</param>
/// <param name="Payload">The item as JSON.</param>
public sealed record DeadLetter(StreamId Stream, long SequenceNumber, string Subscriber, int Attempts, string Error, DateTimeOffset FailedAt, string Payload);

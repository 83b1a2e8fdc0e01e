namespace VibeCoder.Runtime.Streams;

/// <summary>The newest sequence number of a stream.</summary>
internal readonly record struct StreamHead(StreamId Stream, long LastSequence);

/// <summary>The last item a subscriber of a stream has completed.</summary>
internal readonly record struct StreamCheckpoint(StreamId Stream, string Subscriber, long Position);

/// <summary>
/// What retention may remove from one stream: items at or below <see cref="SafeSequence"/> (every subscription passed
/// them) that are also at or below <see cref="CountLimitSequence"/> (beyond the count limit) or older than the age limit.
/// </summary>
internal readonly record struct TrimRange(StreamId Stream, long SafeSequence, long CountLimitSequence);

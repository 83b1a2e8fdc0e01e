namespace VibeCoder.Runtime.Streams;

/// <summary>Where a new subscription starts: after the current head (neither set), at a sequence number, or at a time.</summary>
internal readonly record struct StartPosition(StreamSequenceToken? Token, DateTimeOffset? Time)
{
    public static StartPosition Now => default;
}

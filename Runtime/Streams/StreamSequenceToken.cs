namespace VibeCoder.Runtime.Streams;

/// <summary>
/// The position of an event in its stream: a per-stream sequence number (1, 2, 3, … in the order events were
/// committed) and the time it was published. Tokens compare and are equal by sequence number only, so a token made
/// with <see cref="FromSequenceNumber"/> addresses the same event. Serializable. Orleans: <c>StreamSequenceToken</c>.
/// </summary>
/// <param name="SequenceNumber">The event's sequence number in its stream, from 1.</param>
/// <param name="Timestamp">When the event was published (UTC, microsecond precision).</param>
public sealed record StreamSequenceToken(long SequenceNumber, DateTimeOffset Timestamp) : IComparable<StreamSequenceToken>
{
    /// <summary>A token addressing sequence number <paramref name="sequenceNumber"/> (for rewinding; the timestamp is not used).</summary>
    public static StreamSequenceToken FromSequenceNumber(long sequenceNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceNumber, 1);
        return new StreamSequenceToken(sequenceNumber, DateTimeOffset.MinValue);
    }

    /// <inheritdoc />
    public int CompareTo(StreamSequenceToken? other) => other is null ? 1 : SequenceNumber.CompareTo(other.SequenceNumber);

    /// <inheritdoc />
    public bool Equals(StreamSequenceToken? other) => other is not null && SequenceNumber == other.SequenceNumber;

    /// <inheritdoc />
    public override int GetHashCode() => SequenceNumber.GetHashCode();

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(StreamSequenceToken left, StreamSequenceToken right) => Compare(left, right) < 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(StreamSequenceToken left, StreamSequenceToken right) => Compare(left, right) > 0;

    /// <summary>Whether <paramref name="left"/> is not after <paramref name="right"/>.</summary>
    public static bool operator <=(StreamSequenceToken left, StreamSequenceToken right) => Compare(left, right) <= 0;

    /// <summary>Whether <paramref name="left"/> is not before <paramref name="right"/>.</summary>
    public static bool operator >=(StreamSequenceToken left, StreamSequenceToken right) => Compare(left, right) >= 0;

    private static int Compare(StreamSequenceToken? left, StreamSequenceToken? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}

namespace VibeCoder.Runtime.Streams;

/// <summary>
/// The identity of a stream within a provider: a namespace (what kind of events, e.g. "carousel") and a key (which
/// instance, e.g. a job id). Implicit subscribers of a namespace receive the events of every stream in it on the grain
/// whose key is the stream's key. Orleans: <c>StreamId</c> (namespace + key).
/// </summary>
/// <param name="Namespace">The stream namespace: non-empty, no control characters.</param>
/// <param name="Key">The stream key: non-empty, no control characters.</param>
public readonly record struct StreamId(string Namespace, string Key)
{
    /// <summary>Creates a stream id, checking both parts.</summary>
    /// <exception cref="ArgumentException">A part is empty or contains a control character.</exception>
    public static StreamId Create(string @namespace, string key)
    {
        Check(@namespace, nameof(@namespace));
        Check(key, nameof(key));
        return new StreamId(@namespace, key);
    }

    /// <inheritdoc />
    public override string ToString() => string.Concat(Namespace, "/", Key);

    // Control characters are refused because the change notifications separate ids with tabs and newlines.
    private static void Check(string value, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameter);
        foreach (var character in value)
        {
            if (char.IsControl(character))
            {
                throw new ArgumentException($"A stream {parameter} must not contain control characters (got '{value.ReplaceLineEndings(" ")}').", parameter);
            }
        }
    }
}

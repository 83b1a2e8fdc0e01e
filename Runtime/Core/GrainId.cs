namespace VibeCoder.Runtime;

/// <summary>
/// The identity of a grain: its type name plus its key, both strings. Guid and integer keys are stored in
/// their canonical string form ("D" format for Guid, invariant decimal for long) so that the identity is one
/// comparable, serializable value. Orleans: <c>GrainId</c> (= <c>GrainType</c> + <c>IdSpan</c>).
/// </summary>
/// <param name="Type">The grain type name (by default the grain interface's name without the leading "I").</param>
/// <param name="Key">The key in its canonical string form.</param>
public readonly record struct GrainId(string Type, string Key)
{
    /// <summary>Parses the <c>type/key</c> form written by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">The text has no '/' separating type and key.</exception>
    public static GrainId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/');
        if (slash <= 0)
        {
            throw new FormatException($"'{text}' is not a grain id of the form type/key.");
        }

        return new GrainId(text[..slash], text[(slash + 1)..]);
    }

    /// <summary>The key read as a <see cref="Guid"/>.</summary>
    public Guid GetGuidKey() => Guid.Parse(Key);

    /// <summary>The key read as a 64-bit integer.</summary>
    public long GetIntegerKey() => long.Parse(Key, System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => string.Concat(Type, "/", Key);
}

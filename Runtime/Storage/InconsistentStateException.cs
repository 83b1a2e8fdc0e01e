namespace VibeCoder.Runtime.Storage;

/// <summary>
/// A write or clear presented a version tag that is no longer the stored one: another writer got there first.
/// Nothing was stored. Orleans: <c>InconsistentStateException</c>.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InconsistentStateException(string message, string? storedETag, string? currentETag)
        : base(message)
    {
        StoredETag = storedETag;
        CurrentETag = currentETag;
    }

    /// <summary>Creates the exception with only a message (used when it crosses a serialization boundary).</summary>
    public InconsistentStateException(string message)
        : base(message)
    {
    }

    /// <summary>The tag found in storage, when the provider knows it.</summary>
    public string? StoredETag { get; }

    /// <summary>The tag the caller presented.</summary>
    public string? CurrentETag { get; }
}

namespace VibeCoder.Runtime.Invocation;

/// <summary>
/// Stands for an exception thrown by a grain that could not be recreated with its own type on the caller's
/// side of a serialization boundary; the original type name and message are kept.
/// </summary>
public sealed class RemoteGrainException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteGrainException(string originalType, string message)
        : base($"{originalType}: {message}")
    {
        OriginalType = originalType;
    }

    /// <summary>The full name of the exception type the grain threw.</summary>
    public string OriginalType { get; }
}

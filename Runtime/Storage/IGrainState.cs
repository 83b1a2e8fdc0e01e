namespace VibeCoder.Runtime.Storage;

/// <summary>
/// A grain's state as a storage provider sees it: the value, its version tag and whether a record exists.
/// Orleans: <c>IGrainState&lt;T&gt;</c>.
/// </summary>
/// <typeparam name="T">The state type; it must round-trip through System.Text.Json.</typeparam>
public interface IGrainState<T>
{
    /// <summary>The state value. After a read of a missing record, a new default instance.</summary>
    T State { get; set; }

    /// <summary>
    /// The version tag of the stored record as last read or written; null when nothing was ever stored.
    /// A write must present the current tag or it fails with <see cref="InconsistentStateException"/>.
    /// </summary>
    string? ETag { get; set; }

    /// <summary>Whether a record with a payload exists in storage (false after a clear).</summary>
    bool RecordExists { get; set; }
}

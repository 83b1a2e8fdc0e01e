namespace VibeCoder.Runtime.Storage;

/// <summary>
/// A grain's durable state, injected into a grain's constructor with <see cref="PersistentStateAttribute"/>.
/// It is read before <c>OnActivateAsync</c> runs. Orleans: <c>IPersistentState&lt;T&gt;</c>.
/// </summary>
/// <typeparam name="T">The state type; it must round-trip through System.Text.Json.</typeparam>
public interface IPersistentState<T>
{
    /// <summary>The current value. Replace it (records: <c>State = State with { … }</c>) then write.</summary>
    T State { get; set; }

    /// <summary>The version tag of the stored record, or null when none was stored.</summary>
    string? Etag { get; }

    /// <summary>Whether a stored record exists.</summary>
    bool RecordExists { get; }

    /// <summary>Reads the stored value, replacing <see cref="State"/>.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes <see cref="State"/>; throws <see cref="InconsistentStateException"/> when the tag is stale.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the stored value and resets <see cref="State"/> to a new default instance.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}

using System.Globalization;

namespace VibeCoder.Runtime.Storage;

/// <summary>
/// Grain state kept in process memory, for tests and single-process development. It stores the serialized JSON
/// bytes (not the object) so that it behaves like the database providers: a caller's later changes to its state
/// object never leak into storage, and a type that does not round-trip through JSON fails here too.
/// </summary>
/// <remarks>
/// The ETag is the record's version number as a string; the first write stores version 1 and every write or clear
/// adds one. A clear keeps a tombstone (no payload, a new version), so versions never repeat for an identity.
/// Locking: one lock guards the table; the tag check and the replacement are decided under it, serialization and
/// deserialization run outside it.
/// </remarks>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly Dictionary<StateKey, StoredState> _states = [];
    private readonly Lock _lock = new();
    private readonly IGrainStateSerializer _serializer;

    /// <summary>Creates an empty storage.</summary>
    /// <param name="serializer">Turns state into the stored JSON payload and back.</param>
    public MemoryGrainStorage(IGrainStateSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        _serializer = serializer;
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();

        StoredState? stored;
        lock (_lock)
        {
            _states.TryGetValue(new StateKey(grainId, stateName), out stored);
        }

        if (stored is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return Task.CompletedTask;
        }

        if (stored.Payload is not null)
        {
            grainState.State = _serializer.Deserialize<T>(stored.Payload);
        }

        grainState.ETag = FormatVersion(stored.Version);
        grainState.RecordExists = stored.Payload is not null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();
        var payload = _serializer.Serialize(grainState.State);
        var version = Replace(new StateKey(grainId, stateName), grainState.ETag, payload);
        grainState.ETag = FormatVersion(version);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        cancellationToken.ThrowIfCancellationRequested();
        var version = Replace(new StateKey(grainId, stateName), grainState.ETag, payload: null);
        grainState.ETag = FormatVersion(version);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Stores <paramref name="payload"/> (null = tombstone) if <paramref name="eTag"/> is current; returns the new version.</summary>
    private long Replace(StateKey key, string? eTag, byte[]? payload)
    {
        long storedVersion;
        lock (_lock)
        {
            _states.TryGetValue(key, out var stored);
            storedVersion = stored?.Version ?? 0;
            if (IsCurrent(eTag, stored))
            {
                var version = storedVersion + 1;
                _states[key] = new StoredState(version, payload);
                return version;
            }
        }

        var storedETag = storedVersion == 0 ? null : FormatVersion(storedVersion);
        throw new InconsistentStateException(
            $"Version conflict writing state '{key.StateName}' of grain {key.GrainId}: the stored ETag is " +
            $"'{storedETag ?? "none"}', the write presented '{eTag ?? "none"}'.",
            storedETag,
            eTag);
    }

    private static bool IsCurrent(string? eTag, StoredState? stored) =>
        eTag is null
            ? stored is null
            : stored is not null && long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                && version == stored.Version;

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);

    private readonly record struct StateKey(GrainId GrainId, string StateName);

    /// <summary>One stored version; immutable so readers can use it outside the lock.</summary>
    private sealed record StoredState(long Version, byte[]? Payload);
}
